using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>The model under attack as contract 1.1 defined it.</summary>
public interface IAttackTarget
{
    /// <summary>T, the number of timesteps the model is simulated for.</summary>
    int Timesteps { get; }

    /// <summary>The time-averaged logits <c>[B, M]</c> for inputs <c>[B, C, H, W]</c> in [0, 1].</summary>
    torch.Tensor Logits(torch.Tensor inputs);
}

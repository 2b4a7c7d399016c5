using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>The model under attack, as an attack sees it: a differentiable function of its inputs.</summary>
public interface IAttackTarget
{
    /// <summary>T, the number of timesteps the model is simulated for.</summary>
    int Timesteps { get; }

    /// <summary>
    /// The time-averaged logits <c>[B, M]</c> for inputs <c>[B, C, H, W]</c> in [0, 1] (normalisation
    /// happens inside). Differentiable with respect to <paramref name="inputs"/> through all T timesteps.
    /// </summary>
    torch.Tensor Logits(torch.Tensor inputs);
}

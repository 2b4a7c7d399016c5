using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>A plugin author's mistake: an attack whose constructor asks for a surrogate gradient.</summary>
[Plugin("surrogate-attack")]
internal sealed class SurrogateAttack(ISurrogateGradient surrogate) : IAdversarialAttack
{
    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) => surrogate.Spike(inputs);
}

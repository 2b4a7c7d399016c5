using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>Marked as a plugin and implements two plugin interfaces, which the host refuses.</summary>
[Plugin("two-kinds")]
internal sealed class TwoKindPlugin : IDistillationScheme, IAdversarialAttack
{
    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(timestepLogits.mean(), new Dictionary<string, Diagnostic>());

    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) => inputs.clone();
}

using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.HotReload;

/// <summary>An attack on trial: the new version, falling back to the previous one (see <see cref="SwapTrial"/>).</summary>
internal sealed class TrialAttack(SwapTrial trial, string label, IAdversarialAttack candidate, IAdversarialAttack previous)
    : IAdversarialAttack
{
    /// <summary>Each version gets its own copies, so a version that fails half-way leaves nothing behind for the other.</summary>
    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) =>
        trial.Call(label, candidate, previous, attack => attack.Perturb(target, inputs.clone(), labels.clone()));
}

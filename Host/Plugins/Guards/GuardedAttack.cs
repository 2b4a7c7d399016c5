using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Plugins.Guards;

/// <summary>An attack called through its <see cref="PluginGuard"/>.</summary>
internal sealed class GuardedAttack(PluginGuard guard) : IAdversarialAttack
{
    public PluginGuard Guard => guard;

    /// <summary>The norm of the budget of the version in force.</summary>
    public PerturbationNorm Norm => ((IAdversarialAttack)guard.InForce).Norm;

    /// <summary>Each version gets its own copies, so a version that fails half-way leaves nothing behind for the other.</summary>
    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) =>
        guard.Call<IAdversarialAttack, torch.Tensor>(attack => attack.Perturb(target, inputs.clone(), labels.clone()));
}

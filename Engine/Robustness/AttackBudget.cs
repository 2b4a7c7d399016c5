using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Robustness;

/// <summary>What an attack run may change a sample by: the norm its attack declares and ε.</summary>
/// <param name="Norm">The norm the budget bounds (<see cref="IAdversarialAttack.Norm"/>).</param>
/// <param name="Epsilon">ε, from the attack's <c>epsilon</c> option; null when it has none.</param>
internal readonly record struct AttackBudget(PerturbationNorm Norm, double? Epsilon)
{
    /// <summary>
    /// Whether the budget is a known ε of a norm the host knows, so that runs of other attacks with the same budget
    /// can be compared with, and pooled with, this one.
    /// </summary>
    public bool IsNormBound => Norm != PerturbationNorm.Other && Epsilon is not null;
}

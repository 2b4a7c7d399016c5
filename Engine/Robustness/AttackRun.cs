using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Robustness;

/// <summary>One attack configuration to evaluate.</summary>
/// <param name="Name">The attack plugin's name.</param>
/// <param name="Attack">The attack, created with its options.</param>
/// <param name="Budget">The norm the attack declares and the ε it was created with.</param>
/// <param name="Surrogate">The surrogate gradient to differentiate spikes with while attacking; null keeps the
/// network's own.</param>
internal sealed record AttackRun(string Name, IAdversarialAttack Attack, AttackBudget Budget, ISurrogateGradient? Surrogate)
{
    /// <summary>
    /// The attack's name with its ε, e.g. <c>pgd@0.0314</c>: unique within one evaluation, where each attack has one
    /// norm.
    /// </summary>
    public string Label => Budget.Epsilon is { } epsilon ? FormattableString.Invariant($"{Name}@{epsilon:G4}") : Name;
}

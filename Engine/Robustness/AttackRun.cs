using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Robustness;

/// <summary>One attack configuration to evaluate.</summary>
/// <param name="Name">The attack plugin's name.</param>
/// <param name="Attack">The attack, created with its options.</param>
/// <param name="Epsilon">The L∞ budget it was created with, for attacks that have an <c>epsilon</c> option.</param>
/// <param name="Surrogate">The surrogate gradient to differentiate spikes with while attacking; null keeps the
/// network's own.</param>
internal sealed record AttackRun(string Name, IAdversarialAttack Attack, double? Epsilon, ISurrogateGradient? Surrogate)
{
    /// <summary>The attack's name with its ε, e.g. <c>pgd@0.0314</c>: unique within one evaluation.</summary>
    public string Label => Epsilon is { } epsilon ? FormattableString.Invariant($"{Name}@{epsilon:G4}") : Name;
}

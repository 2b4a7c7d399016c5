namespace Neuromorph.Host.Composition;

/// <summary>Which attacks an evaluation runs.</summary>
/// <param name="Names">The attack plugins to run; empty runs every attack plugin found, in name order.</param>
/// <param name="Epsilons">When set, every attack that has an <c>epsilon</c> option and whose norm the sweep gives
/// values for runs once per value; the others run once with their configured options.</param>
internal sealed record AttackRequest(IReadOnlyList<string> Names, EpsilonSweep? Epsilons = null);

using Neuromorph.Abstractions;

namespace Neuromorph.Host.Composition;

/// <summary>
/// The budgets of an ε sweep (<c>--epsilons</c>): a list for each norm given one, and a list for every other norm.
/// Budgets of different norms are different quantities (an L2 ε of 1 is a small change, an L∞ ε of 1 is any change),
/// so each norm may have a range of its own.
/// </summary>
/// <param name="EveryNorm">The values for norms without a list of their own; null sweeps only those norms that have one.</param>
/// <param name="PerNorm">The values for each norm given its own list.</param>
internal sealed record EpsilonSweep(IReadOnlyList<double>? EveryNorm, IReadOnlyDictionary<PerturbationNorm, IReadOnlyList<double>> PerNorm)
{
    /// <summary>The values attacks of <paramref name="norm"/> run at, or null when they are not swept.</summary>
    public IReadOnlyList<double>? For(PerturbationNorm norm) => PerNorm.TryGetValue(norm, out var values) ? values : EveryNorm;
}

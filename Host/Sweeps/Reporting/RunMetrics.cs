using System.Globalization;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>A completed run's metric values, read from its files.</summary>
/// <param name="Run">The run in the plan.</param>
/// <param name="Values">Each metric's value (accuracies in percent).</param>
/// <param name="Notes">What was left out of its files and why (an attack that failed).</param>
internal sealed record RunMetrics(PlannedRun Run, IReadOnlyDictionary<SweepMetric, double> Values, IReadOnlyList<string> Notes)
{
    /// <summary>Its <c>run.seed</c>, which pairs it with the baseline's run of that seed; null when the sweep does not set
    /// the seed per run.</summary>
    public long? Seed => SeedOf(Run);

    /// <summary>The <c>run.seed</c> override of <paramref name="run"/>, or null.</summary>
    public static long? SeedOf(PlannedRun run) =>
        run.Overrides.TryGetValue(SweepExpansion.SeedKey, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : null;
}

namespace Neuromorph.Host.Sweeps;

/// <summary>One run of a sweep: its name, the overrides that make it (besides <c>[set]</c>) and the group it belongs to.</summary>
/// <param name="Name">The run's directory name under <c>runs/</c>.</param>
/// <param name="Overrides">Its own overrides: the <c>[[runs]]</c> entry's keys, then the grid keys in file order.</param>
/// <param name="Group">The run's name without <c>run.seed</c>: the runs of one group differ only in their seed.</param>
internal sealed record SweepRun(string Name, IReadOnlyList<SweepOverride> Overrides, string Group)
{
    /// <summary>The run's seed when the sweep sets one per run.</summary>
    public object? Seed => Overrides.FirstOrDefault(o => o.Key == SweepExpansion.SeedKey)?.Value;
}

/// <summary>
/// Expands a sweep file into its runs: the Cartesian product of the grid, each <c>[[runs]]</c> entry being one more
/// axis (with no grid, the runs are the entries). The seed axis varies slowest, so a sweep cut short holds every group
/// for the seeds it finished; the other axes vary in file order, the last fastest.
/// </summary>
internal static class SweepExpansion
{
    public const string SeedKey = "run.seed";

    /// <exception cref="Configuration.ConfigurationException">A key is set twice for one run, or two runs get one name.</exception>
    public static IReadOnlyList<SweepRun> Expand(SweepFile sweep)
    {
        var axes = new List<IReadOnlyList<IReadOnlyList<SweepOverride>>>();
        var seedAxis = sweep.Grid.FirstOrDefault(a => a.Key == SeedKey);
        if (seedAxis is not null) axes.Add(Points(seedAxis));
        if (sweep.Entries.Count > 0) axes.Add(sweep.Entries);
        axes.AddRange(sweep.Grid.Where(a => a.Key != SeedKey).Select(Points));

        var combinations = axes.Aggregate(
            (IEnumerable<IReadOnlyList<SweepOverride>>)[[]],
            (partial, axis) => partial.SelectMany(p => axis.Select(point => (IReadOnlyList<SweepOverride>)[.. p, .. point])));
        var keyOrder = sweep.Entries.SelectMany(e => e.Select(o => o.Key)).Concat(sweep.Grid.Select(a => a.Key)).Distinct().ToList();
        var shortKeys = SweepRunName.ShortKeys(keyOrder);
        var runs = new List<SweepRun>();
        foreach (var combination in combinations)
        {
            var repeated = combination.GroupBy(o => o.Key).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
                throw new Configuration.ConfigurationException(
                    $"'{repeated.Key}' is set by both [grid] and a [[runs]] entry: give each key in one of them.");
            var ordered = combination.OrderBy(o => keyOrder.IndexOf(o.Key)).ToArray();
            runs.Add(new SweepRun(
                SweepRunName.For(ordered, shortKeys), ordered, SweepRunName.For(ordered.Where(o => o.Key != SeedKey), shortKeys)));
        }
        var clash = runs.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new Configuration.ConfigurationException(
                $"two runs of the sweep would both be named '{clash.Key}' ({string.Join(" and ", clash.Select(r => "{" + string.Join(", ", r.Overrides) + "}"))}): "
                + "make the [[runs]] entries or grid values differ.");
        return runs;
    }

    private static IReadOnlyList<IReadOnlyList<SweepOverride>> Points(GridAxis axis) =>
        axis.Values.Select(v => (IReadOnlyList<SweepOverride>)[new SweepOverride(axis.Key, v)]).ToArray();
}

using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// Legend labels for runs drawn together: the <c>config.toml</c> keys whose values differ between them, e.g.
/// <c>distillation.scheme = strong2weak, run.seed = 1</c>; the directories' names when the configurations are the same.
/// </summary>
internal static class ConfigurationDifferences
{
    /// <summary>Keys shown per label; the rest are counted.</summary>
    private const int MostKeys = 3;

    /// <summary>The name a run is given, which differs between runs whenever anything else does: shown only when nothing else differs.</summary>
    private const string RunName = "run.name";

    /// <summary>One label per run, in order.</summary>
    /// <exception cref="RunDirectoryException">A run has no <c>config.toml</c> to compare (exit 3).</exception>
    public static IReadOnlyList<string> Labels(IReadOnlyList<PlottedRun> runs)
    {
        foreach (var run in runs.Where(r => r.Settings.Keys.Count == 0))
            throw new RunDirectoryException($"'{run.Directory.ConfigPath}' is missing: runs are compared, and labelled, by their configurations.");
        var differing = Differing(runs);
        if (differing.Count > 1) differing.Remove(RunName);
        if (differing.Count == 0)
        {
            var names = runs.Select(r => r.Identity.Name).ToArray();
            return names.Distinct().Count() == names.Length ? names : runs.Select(r => r.Directory.Path).ToArray();
        }
        return runs.Select(run =>
        {
            var shown = differing.Take(MostKeys).Select(key => $"{key} = {(run.Settings.Text(key) ?? "(absent)")}");
            var more = differing.Count - MostKeys;
            return string.Join(", ", shown) + (more > 0 ? $" (+{more} more key{(more == 1 ? "" : "s")})" : "");
        }).ToArray();
    }

    /// <summary>
    /// The keys whose value is not the same in every run, in key order: those every run has; only when none of them
    /// differs, those some runs lack. A key that only some runs have comes with another difference (a scheme's options
    /// with the scheme: <c>distillation.confidence</c> is absent under scheme <c>none</c>), which says more.
    /// </summary>
    public static List<string> Differing(IReadOnlyList<PlottedRun> runs)
    {
        var differing = runs.SelectMany(r => r.Settings.Keys.Keys).Distinct()
            .Where(key => runs.Select(r => r.Settings.Keys.GetValueOrDefault(key)).Distinct().Count() > 1)
            .Order(StringComparer.Ordinal)
            .ToList();
        var shared = differing.Where(key => runs.All(r => r.Settings.Keys.ContainsKey(key))).ToList();
        return shared.Count > 0 ? shared : differing;
    }
}

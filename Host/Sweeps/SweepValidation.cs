using Neuromorph.Abstractions;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Hosting;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// Checks every run of a sweep as <c>train</c> would before anything starts: the configuration (keys, types, ranges)
/// through the same loader and validator, and its plugins (names, options) against the catalog, without reading data.
/// A run that already has a directory must still have the configuration it started with.
/// </summary>
internal static class SweepValidation
{
    /// <exception cref="SweepException">A run's configuration is invalid, or differs from the one its directory recorded
    /// (exit 2); each problem is named with the run and its overrides.</exception>
    public static void Check(SweepFile sweep, IReadOnlyList<SweepRun> runs, SweepDirectory directory)
    {
        var problems = new List<(string Problem, SweepRun Run)>();
        var catalogs = new Dictionary<string, PluginCatalog>();
        try
        {
            foreach (var run in runs)
            {
                var sets = sweep.Set.Concat(run.Overrides).Select(o => o.Assignment).ToList();
                try
                {
                    var configuration = ConfigurationLoader.Load(sweep.BasePath, sets);
                    var key = string.Join('\n', configuration.Plugins.Directories);
                    if (!catalogs.TryGetValue(key, out var catalog))
                        catalogs[key] = catalog = PluginCatalog.LoadForHost(configuration.Plugins.Directories);
                    var effective = ExperimentFactory.EffectiveToml(configuration, catalog);
                    var runDirectory = directory.Run(run.Name);
                    if (!File.Exists(runDirectory.ConfigPath)) continue;
                    var threads = SweepTask.Threads(configuration.Run.Threads, runDirectory, offered: 0);
                    if (threads > 0)
                        effective = ExperimentFactory.EffectiveToml(ConfigurationLoader.Load(sweep.BasePath, [.. sets, $"run.threads={threads}"]), catalog);
                    var differences = RecordedConfiguration.Differences(runDirectory, effective);
                    if (differences.Count > 0)
                        problems.Add((
                            $"it already ran in '{runDirectory.Path}' with another configuration (recorded -> now: {RecordedConfiguration.Describe(differences)}); "
                            + "a sweep does not mix results of two configurations under one name: undo the change, or give the sweep another name (or --sweep-dir)",
                            run));
                }
                catch (Exception e) when (e is ConfigurationException or PluginOptionsException or PluginConfigurationException or Engine.Training.RunDirectoryException)
                {
                    problems.Add((e.Message, run));
                }
            }
        }
        finally
        {
            foreach (var catalog in catalogs.Values) catalog.Dispose();
        }
        if (problems.Count == 0) return;
        // One bad grid value fails every run that has it: report each distinct problem once, with the first run it hit.
        var distinct = problems.GroupBy(p => p.Problem).ToArray();
        var lines = distinct.Select(g =>
        {
            var first = g.First().Run;
            var others = g.Count() - 1;
            var overrides = first.Overrides.Count == 0 ? "" : $" ({string.Join(", ", first.Overrides)})";
            return $"run '{first.Name}'{overrides}{(others > 0 ? $" and {others} other run{(others == 1 ? "" : "s")}" : "")}: {g.Key}";
        }).ToArray();
        throw new SweepException(
            lines.Length == 1
                ? $"{sweep.Path}: {lines[0]}\nNothing was started."
                : $"{sweep.Path}: {problems.Count} runs are invalid:{string.Concat(lines.Select(l => $"\n  - {l}"))}\nNothing was started.",
            ExitCodes.UsageError);
    }
}

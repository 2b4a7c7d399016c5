using System.Security.Cryptography;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Tomlyn.Model;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// Hyperparameters changed in the run directory's <c>config.toml</c> while the run goes on (with
/// <c>[plugins] hot_reload = true</c>). At the next iteration boundary the file is read again and compared key by
/// key with the version in force: a change to a reloadable key (<see cref="ReloadableKeys"/>: the learning rate
/// and every option of the distillation scheme, such as its weight and temperature) is applied, any other change
/// is refused and the run continues with the value it had. Every change is logged and returned for the epoch's
/// metrics line, like a plugin swap.
/// </summary>
internal sealed class SettingsReload : IIterationBoundary, IDisposable
{
    /// <summary>The record kind of a setting change in <c>plugin_reloads</c>.</summary>
    public const string Kind = "setting";

    /// <summary>The keys that may change during a run, for messages (the scheme's options are all reloadable).</summary>
    public const string ReloadableKeys = "optimizer.lr and the distillation scheme's options (distillation.<option>)";

    private readonly string path;
    private readonly RunSlots slots;
    private readonly PluginSlot? scheme;
    private readonly Action<string> log;
    private readonly FileChangeWatcher watcher;
    private Dictionary<string, string> inForce;

    /// <param name="path">The run directory's <c>config.toml</c>, as the run wrote it.</param>
    /// <param name="slots">The run's slots: a new base learning rate goes there.</param>
    /// <param name="scheme">The distillation scheme's plugin slot, or null when the run has none.</param>
    /// <param name="log">Where the one-line reports go (from the training thread, and from the watcher's when the file changes).</param>
    public SettingsReload(string path, RunSlots slots, PluginSlot? scheme, Action<string> log, TimeSpan? quietPeriod = null)
    {
        this.path = path;
        this.slots = slots;
        this.scheme = scheme;
        this.log = log;
        inForce = ConfigurationKeys.Flatten(ConfigurationLoader.Load(path, []));
        watcher = new FileChangeWatcher(
            new Dictionary<string, string> { [path] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) },
            quietPeriod ?? FileChangeWatcher.DefaultQuietPeriod);
        watcher.Changed += changed => log($"hot reload: {changed} changed; it is read again at the next iteration boundary");
        log($"hot reload: watching {path}; changes to {ReloadableKeys} take effect at the next iteration");
    }

    public IReadOnlyList<PluginReload> Apply(SimulationClock clock) =>
        watcher.TakeChanged().Count == 0 ? [] : Reload(clock.GlobalIteration);

    public void Dispose() => watcher.Dispose();

    private IReadOnlyList<PluginReload> Reload(long iteration)
    {
        RunConfiguration next;
        try
        {
            next = ConfigurationLoader.Load(path, []);
        }
        catch (ConfigurationException e)
        {
            return [Report(iteration, "config.toml", "-", "-", PluginReload.Refused, $"the file does not read as a configuration; nothing changed: {e.Message}")];
        }
        var proposed = ConfigurationKeys.Flatten(next);
        var changed = ConfigurationKeys.Differences(inForce, proposed).Select(change => change.Key).ToArray();
        var records = new List<PluginReload>();
        var schemeKeys = changed.Where(IsSchemeOption).ToArray();
        foreach (var key in changed.Where(key => !IsSchemeOption(key)))
        {
            var (before, after) = (inForce.GetValueOrDefault(key, "(absent)"), proposed.GetValueOrDefault(key, "(absent)"));
            if (key == "optimizer.lr")
            {
                slots.BaseLearningRate = next.Optimizer.Lr;
                records.Add(Accept(iteration, key, before, after, proposed));
            }
            else
            {
                records.Add(Report(iteration, key, before, after, PluginReload.Refused,
                    $"not reloadable during a run (reloadable: {ReloadableKeys}); the run continues with {before}"));
            }
        }
        if (schemeKeys.Length > 0) records.AddRange(RebindScheme(iteration, schemeKeys, next, proposed));
        return records;
    }

    /// <summary>A new instance of the scheme with the new options; all its changed keys apply together or not at all.</summary>
    private IEnumerable<PluginReload> RebindScheme(long iteration, string[] keys, RunConfiguration next, Dictionary<string, string> proposed)
    {
        string? refusal = null;
        if (scheme is null)
            refusal = "the run has no distillation scheme whose options could change";
        else
        {
            try
            {
                scheme.Rebind(next.Distillation.Options);
            }
            catch (ConfigurationException e)
            {
                refusal = $"the scheme refused the new options, so it keeps its old ones: {e.Message}";
            }
        }
        return keys.Select(key =>
        {
            var (before, after) = (inForce.GetValueOrDefault(key, "(absent)"), proposed.GetValueOrDefault(key, "(absent)"));
            return refusal is null
                ? Accept(iteration, key, before, after, proposed)
                : Report(iteration, key, before, after, PluginReload.Refused, refusal);
        }).ToArray();
    }

    private PluginReload Accept(long iteration, string key, string before, string after, Dictionary<string, string> proposed)
    {
        if (proposed.TryGetValue(key, out var value)) inForce[key] = value;
        else inForce.Remove(key);
        return Report(iteration, key, before, after, PluginReload.Applied, null);
    }

    private PluginReload Report(long iteration, string key, string before, string after, string outcome, string? reason)
    {
        log($"hot reload after iteration {iteration}: setting {key} {before} -> {after}: {outcome}{(reason is null ? "" : $" ({reason})")}");
        return new PluginReload(iteration, key, Kind, before, after, outcome, reason, path);
    }

    private static bool IsSchemeOption(string key) =>
        key.StartsWith("distillation.", StringComparison.Ordinal) && key != "distillation.scheme";
}

using System.Runtime.Loader;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// Hot reload of the plugins a run uses (<c>[plugins] hot_reload = true</c>). Their assembly files are watched;
/// when one changes, the next iteration boundary loads the new version into a new load context, creates the same
/// plugins with the same options, probes them, and stands them in their slots for one iteration on trial. If
/// they pass, the swap is committed and the old version's load context unloaded; if anything fails on the way
/// (load, contract version, options, constructor, probe, first call), the previous version keeps running. Every
/// outcome is logged and returned for the epoch's metrics line. Everything but the file watching happens on the
/// training thread, between iterations.
/// </summary>
internal sealed class PluginHotReload : IIterationBoundary, IDisposable
{
    private readonly PluginCatalog catalog;
    private readonly Action<string> log;
    private readonly Dictionary<string, WatchedAssembly> assemblies;
    private readonly AssemblyChangeWatcher watcher;
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwapOnTrial> trials = new(StringComparer.Ordinal);

    /// <param name="catalog">The run's catalog, which owns the load contexts of the versions in use.</param>
    /// <param name="slots">The plugins the run uses.</param>
    /// <param name="log">Where the one-line reports go.</param>
    /// <param name="quietPeriod">How long an assembly's folder must be quiet before a change is picked up.</param>
    public PluginHotReload(PluginCatalog catalog, IReadOnlyList<PluginSlot> slots, Action<string> log, TimeSpan? quietPeriod = null)
    {
        this.catalog = catalog;
        this.log = log;
        assemblies = slots
            .GroupBy(slot => slot.Descriptor.AssemblyPath, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new WatchedAssembly(group.Key, AssemblySnapshot.Read(group.Key), group.ToArray()), StringComparer.Ordinal);
        watcher = new AssemblyChangeWatcher(
            assemblies.ToDictionary(pair => pair.Key, pair => pair.Value.InUse.Sha256),
            quietPeriod ?? AssemblyChangeWatcher.DefaultQuietPeriod);
        watcher.Changed += path => ChangeDetected?.Invoke(path);
        foreach (var assembly in assemblies.Values)
        {
            log($"hot reload: watching {assembly.Path} ({string.Join(", ", assembly.Slots.Select(slot => slot.Describe()))}, " +
                $"{assembly.InUse.Describe()}); a rebuilt version takes effect at the next iteration");
        }
    }

    /// <summary>Raised on a pool thread when a watched assembly's content has changed and settled.</summary>
    public event Action<string>? ChangeDetected;

    /// <summary>
    /// Raised on the training thread when a new version stands in its slots for its trial iteration, with the
    /// assembly's path and the global iteration count: nothing else of the run has changed at that point.
    /// </summary>
    public event Action<string, long>? TrialStarted;

    /// <summary>Raised on the training thread when a swap attempt has ended, applied or refused.</summary>
    public event Action<PluginSwapOutcome>? SwapFinished;

    public IReadOnlyList<PluginReload> Apply(SimulationClock clock)
    {
        var records = new List<PluginReload>();
        foreach (var swap in trials.Values.ToArray())
        {
            if (swap.Trial.Failure is { } failure)
                records.AddRange(Revert(swap, failure));
            else if (swap.Passed)
                records.AddRange(Commit(swap));
        }
        foreach (var path in watcher.TakeChanged()) pending.Add(path);
        foreach (var path in pending.Where(path => !trials.ContainsKey(path)).ToArray())
        {
            pending.Remove(path);
            records.AddRange(Start(assemblies[path], clock.GlobalIteration));
        }
        return records;
    }

    public void Dispose()
    {
        watcher.Dispose();
        foreach (var swap in trials.Values)
        {
            foreach (var candidate in swap.Candidates) candidate.Slot.Restore();
            swap.Scan.Loader?.Dispose();
        }
        trials.Clear();
    }

    /// <summary>Loads, creates and probes the new version of <paramref name="assembly"/> and puts it on trial.</summary>
    private IReadOnlyList<PluginReload> Start(WatchedAssembly assembly, long iteration)
    {
        AssemblySnapshot snapshot;
        try
        {
            snapshot = AssemblySnapshot.Read(assembly.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var unreadable = new AssemblySnapshot(assembly.Path, new string('0', 64), "unknown", null, null);
            return Refuse(assembly, unreadable, iteration, $"the file could not be read: {e.Message}", unloaded: null);
        }
        if (snapshot.Sha256 == assembly.InUse.Sha256) return [];
        if (snapshot.Refusal() is { } refusal)
            return Refuse(assembly, snapshot, iteration, refusal, unloaded: null);

        var scan = PluginAssemblyScanner.Scan(assembly.Path, loadInMemory: true);
        if (scan.Loader is null)
            return Refuse(assembly, snapshot, iteration, "it did not load: " + string.Join("; ", scan.Problems.Select(p => p.Reason)), unloaded: null);
        var context = new WeakReference(AssemblyLoadContext.GetLoadContext(scan.Descriptors[0].ImplementationType.Assembly));
        if (!snapshot.StillOnDisk())
        {
            scan.Loader.Dispose();
            log($"hot reload: {assembly.Path} changed again while it was loading; waiting for it to settle");
            return [];
        }

        var candidates = new List<SwapCandidate>();
        var problem = catalog.ReplacementConflict(assembly.Path, scan);
        foreach (var slot in assembly.Slots)
        {
            if (problem is not null) break;
            problem = SwapCandidate.TryCreate(slot, scan, candidates);
        }
        if (problem is not null)
        {
            foreach (var candidate in candidates) (candidate.Instance as IDisposable)?.Dispose();
            candidates.Clear();
            scan.Loader.Dispose();
            return Refuse(assembly, snapshot, iteration, problem, context);
        }

        var trial = new SwapTrial();
        foreach (var candidate in candidates)
        {
            var slot = candidate.Slot;
            slot.Stand(trial.Wrap(slot.Kind, slot.Describe(), candidate.Instance, slot.Instance));
        }
        trials[assembly.Path] = new SwapOnTrial(assembly, snapshot, scan, candidates, trial, iteration);
        TrialStarted?.Invoke(assembly.Path, iteration);
        return [];
    }

    /// <summary>The trial passed: the new instances become the slots' own and the old version is unloaded.</summary>
    private IReadOnlyList<PluginReload> Commit(SwapOnTrial swap)
    {
        trials.Remove(swap.Assembly.Path);
        var assembly = swap.Assembly;
        var retired = new WeakReference(AssemblyLoadContext.GetLoadContext(assembly.Slots[0].Descriptor.ImplementationType.Assembly));
        var records = new List<PluginReload>();
        foreach (var candidate in swap.Candidates)
        {
            var old = candidate.Slot.Instance;
            candidate.Slot.Commit(candidate.Version, candidate.Instance);
            (old as IDisposable)?.Dispose();
            records.Add(Record(swap.Iteration, candidate.Slot, assembly.InUse, swap.Snapshot, PluginReload.Applied, reason: null));
        }
        catalog.Replace(assembly.Path, swap.Scan);
        foreach (var slot in assembly.Slots)
            log($"hot reload after iteration {swap.Iteration}: {slot.Describe()} {assembly.InUse.Describe()} -> {swap.Snapshot.Describe()}: applied ({assembly.Path})");
        assembly.InUse = swap.Snapshot;
        SwapFinished?.Invoke(new PluginSwapOutcome(records, retired));
        return records;
    }

    /// <summary>The trial failed: the previous instances go back in place and the new version is unloaded.</summary>
    private IReadOnlyList<PluginReload> Revert(SwapOnTrial swap, string failure)
    {
        trials.Remove(swap.Assembly.Path);
        var context = new WeakReference(AssemblyLoadContext.GetLoadContext(swap.Candidates[0].Version.ImplementationType.Assembly));
        foreach (var candidate in swap.Candidates)
        {
            candidate.Slot.Restore();
            (candidate.Instance as IDisposable)?.Dispose();
        }
        swap.Scan.Loader?.Dispose();
        return Refuse(swap.Assembly, swap.Snapshot, swap.Iteration, failure + ".", context);
    }

    private List<PluginReload> Refuse(WatchedAssembly assembly, AssemblySnapshot tried, long iteration, string reason, WeakReference? unloaded)
    {
        var records = assembly.Slots
            .Select(slot => Record(iteration, slot, assembly.InUse, tried, PluginReload.Refused, reason))
            .ToList();
        foreach (var slot in assembly.Slots)
        {
            log($"hot reload after iteration {iteration}: {slot.Describe()} {assembly.InUse.Describe()} -> {tried.Describe()}: " +
                $"refused, {assembly.InUse.Version} keeps running. {assembly.Path}: {reason}");
        }
        SwapFinished?.Invoke(new PluginSwapOutcome(records, unloaded));
        return records;
    }

    private static PluginReload Record(
        long iteration, PluginSlot slot, AssemblySnapshot old, AssemblySnapshot tried, string outcome, string? reason) =>
        new(iteration, slot.Name, PluginKinds.Describe(slot.Kind), old.Describe(), tried.Describe(), outcome, reason, old.Path);
}

using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// Hot reload of the plugins a run uses (<c>[plugins] hot_reload = true</c>). Their assembly files are watched; when
/// one changes, the next iteration boundary loads the new version into a new load context, creates the same plugins
/// with the same options, probes them, and puts them on trial for one iteration. If they pass, the swap is applied and
/// the old version stays loaded to fall back on: should the new version throw later (it passed its trial but fails on
/// its 20th call), that call is redone with the old version and the next boundary rolls the swap back. If anything fails
/// on the way in (load, contract version, options, constructor, probe, first call), the swap is refused and the
/// previous version keeps running. Every outcome is logged and returned for the epoch's metrics line. Everything but
/// the file watching happens on the training thread, between iterations.
/// </summary>
internal sealed class PluginHotReload : IIterationBoundary, IDisposable
{
    private readonly PluginCatalog catalog;
    private readonly Action<string> log;
    private readonly Dictionary<string, WatchedAssembly> assemblies;
    private readonly FileChangeWatcher watcher;
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SwapOnTrial> trials = new(StringComparer.Ordinal);

    /// <param name="catalog">The run's catalog, which owns the load contexts of the versions in use.</param>
    /// <param name="slots">The plugins the run uses.</param>
    /// <param name="log">Where the one-line reports go (from the training thread, and from the watcher's when a file changes).</param>
    /// <param name="quietPeriod">How long an assembly's folder must be quiet before a change is picked up.</param>
    public PluginHotReload(PluginCatalog catalog, IReadOnlyList<PluginSlot> slots, Action<string> log, TimeSpan? quietPeriod = null)
    {
        this.catalog = catalog;
        this.log = log;
        assemblies = slots
            .GroupBy(slot => slot.Descriptor.AssemblyPath, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new WatchedAssembly(group.Key, AssemblySnapshot.Read(group.Key), group.ToArray()), StringComparer.Ordinal);
        watcher = new FileChangeWatcher(
            assemblies.ToDictionary(pair => pair.Key, pair => pair.Value.InUse.Sha256),
            quietPeriod ?? FileChangeWatcher.DefaultQuietPeriod);
        watcher.Changed += path => log($"hot reload: {path} changed; the new version is tried at the next iteration boundary");
        foreach (var assembly in assemblies.Values)
        {
            log($"hot reload: watching {assembly.Path} ({string.Join(", ", assembly.Slots.Select(slot => slot.Describe()))}, " +
                $"{assembly.InUse.Describe()}); a rebuilt version takes effect at the next iteration");
        }
    }

    public IReadOnlyList<PluginReload> Apply(SimulationClock clock)
    {
        var records = new List<PluginReload>();
        foreach (var swap in trials.Values.ToArray())
        {
            if (swap.Failure is { } failure)
                records.AddRange(Revert(swap, failure));
            else if (swap.Passed)
                records.AddRange(Commit(swap));
        }
        foreach (var assembly in assemblies.Values.Where(a => !trials.ContainsKey(a.Path) && a.Retained is not null))
        {
            if (assembly.Slots.Select(slot => slot.Guard.Failure).FirstOrDefault(f => f is not null) is { } failure)
                records.AddRange(RollBack(assembly, failure, clock.GlobalIteration));
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
            foreach (var candidate in swap.Candidates) (candidate.Instance as IDisposable)?.Dispose();
            swap.Scan.Loader?.Dispose();
        }
        trials.Clear();
        foreach (var assembly in assemblies.Values) assembly.Retained?.Dispose();
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
            return Refuse(assembly, unreadable, iteration, $"the file could not be read: {e.Message}");
        }
        if (snapshot.Sha256 == assembly.InUse.Sha256) return [];
        if (snapshot.Refusal() is { } refusal)
            return Refuse(assembly, snapshot, iteration, refusal);

        var scan = PluginAssemblyScanner.Scan(assembly.Path, loadInMemory: true);
        if (scan.Loader is null)
            return Refuse(assembly, snapshot, iteration, "it did not load: " + string.Join("; ", scan.Problems.Select(p => p.Reason)));
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
            scan.Loader.Dispose();
            return Refuse(assembly, snapshot, iteration, problem);
        }

        foreach (var candidate in candidates)
            candidate.Slot.Try(candidate.Version, candidate.Instance, candidate.CanFallBack);
        trials[assembly.Path] = new SwapOnTrial(assembly, snapshot, scan, candidates, iteration);
        return [];
    }

    /// <summary>
    /// The trial passed: the new instances are in use, and the version they replaced is kept loaded to fall back on
    /// (the one kept before it is unloaded).
    /// </summary>
    private IReadOnlyList<PluginReload> Commit(SwapOnTrial swap)
    {
        trials.Remove(swap.Assembly.Path);
        var assembly = swap.Assembly;
        var replaced = assembly.Slots.ToDictionary(slot => slot, slot => slot.Instance);
        foreach (var candidate in swap.Candidates) candidate.Slot.Commit();
        assembly.Retained?.Dispose();
        var old = catalog.Replace(assembly.Path, swap.Scan);
        var fallBack = swap.Candidates.All(candidate => candidate.CanFallBack);
        assembly.Retained = new RetainedVersion(assembly.InUse, old, replaced);
        if (!fallBack)
        {
            // A neuron version that declares other parameters cannot fall back on the old one: unload it now.
            assembly.Retained.Dispose();
            assembly.Retained = null;
        }
        var records = swap.Candidates
            .Select(candidate => Record(swap.Iteration, candidate.Slot, assembly.InUse, swap.Snapshot, PluginReload.Applied, reason: null))
            .ToList();
        foreach (var slot in assembly.Slots)
            log($"hot reload after iteration {swap.Iteration}: {slot.Describe()} {assembly.InUse.Describe()} -> {swap.Snapshot.Describe()}: applied ({assembly.Path})");
        assembly.InUse = swap.Snapshot;
        return records;
    }

    /// <summary>The trial failed: the instances in use take their place again and the new version is unloaded.</summary>
    private IReadOnlyList<PluginReload> Revert(SwapOnTrial swap, string failure)
    {
        trials.Remove(swap.Assembly.Path);
        var retained = swap.Assembly.Retained;
        foreach (var candidate in swap.Candidates)
        {
            var slot = candidate.Slot;
            slot.Use(slot.Descriptor, slot.Instance, retained?.Instances.GetValueOrDefault(slot));
            (candidate.Instance as IDisposable)?.Dispose();
        }
        swap.Scan.Loader?.Dispose();
        return Refuse(swap.Assembly, swap.Snapshot, swap.Iteration, failure + ".");
    }

    /// <summary>
    /// An applied version threw after its trial: the version it replaced (still loaded) takes over for good and the
    /// failing one is unloaded.
    /// </summary>
    private IReadOnlyList<PluginReload> RollBack(WatchedAssembly assembly, string failure, long iteration)
    {
        var retained = assembly.Retained!;
        assembly.Retained = null;
        var failed = assembly.InUse;
        var failing = assembly.Slots.ToDictionary(slot => slot, slot => slot.Instance);
        foreach (var slot in assembly.Slots)
        {
            var version = retained.Scan.Descriptors.First(d => d.Kind == slot.Kind && d.Name == slot.Name);
            slot.Use(version, retained.Instances[slot], fallback: null);
        }
        foreach (var instance in failing.Values) (instance as IDisposable)?.Dispose();
        catalog.Replace(assembly.Path, retained.Scan).Loader?.Dispose();
        assembly.InUse = retained.Snapshot;
        var records = new List<PluginReload>();
        foreach (var slot in assembly.Slots)
        {
            log($"hot reload after iteration {iteration}: {slot.Describe()} {failed.Describe()} -> {retained.Snapshot.Describe()}: " +
                $"rolled back, {failure}. {assembly.Path}");
            records.Add(Record(iteration, slot, failed, retained.Snapshot, PluginReload.RolledBack, failure));
        }
        return records;
    }

    private List<PluginReload> Refuse(WatchedAssembly assembly, AssemblySnapshot tried, long iteration, string reason)
    {
        var records = assembly.Slots
            .Select(slot => Record(iteration, slot, assembly.InUse, tried, PluginReload.Refused, reason))
            .ToList();
        foreach (var slot in assembly.Slots)
        {
            log($"hot reload after iteration {iteration}: {slot.Describe()} {assembly.InUse.Describe()} -> {tried.Describe()}: " +
                $"refused, {assembly.InUse.Version} keeps running. {assembly.Path}: {reason}");
        }
        return records;
    }

    private static PluginReload Record(
        long iteration, PluginSlot slot, AssemblySnapshot old, AssemblySnapshot tried, string outcome, string? reason) =>
        new(iteration, slot.Name, PluginKinds.Describe(slot.Kind), old.Describe(), tried.Describe(), outcome, reason, old.Path);
}

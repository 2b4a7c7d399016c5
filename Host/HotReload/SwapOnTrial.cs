using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>A new version of a plugin assembly on trial in its slots for its first iteration (see <see cref="PluginSlot.Try"/>).</summary>
/// <param name="Assembly">The watched assembly the new version replaces.</param>
/// <param name="Snapshot">The file as it was loaded.</param>
/// <param name="Scan">The new version's load context and plugins (owned until the swap is committed).</param>
/// <param name="Candidates">One new instance per slot the assembly serves.</param>
/// <param name="Iteration">The global iteration count at the boundary where they were put in place.</param>
internal sealed record SwapOnTrial(
    WatchedAssembly Assembly,
    AssemblySnapshot Snapshot,
    PluginAssemblyScan Scan,
    IReadOnlyList<SwapCandidate> Candidates,
    long Iteration)
{
    /// <summary>Why the trial failed (which plugin threw what), or null while it has not.</summary>
    public string? Failure => Candidates.Select(candidate => candidate.Slot.Guard.Failure).FirstOrDefault(failure => failure is not null);

    /// <summary>Whether every new instance has answered a call without throwing.</summary>
    public bool Passed => Failure is null && Candidates.All(candidate => candidate.Slot.Guard.CurrentAnswered);
}

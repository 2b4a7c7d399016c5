using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// A new version of a plugin assembly standing in its slots for its first iteration (see <see cref="SwapTrial"/>).
/// </summary>
/// <param name="Assembly">The watched assembly the new version replaces.</param>
/// <param name="Snapshot">The file as it was loaded.</param>
/// <param name="Scan">The new version's load context and plugins (owned until the swap is committed).</param>
/// <param name="Candidates">One new instance per slot the assembly serves.</param>
/// <param name="Trial">The trial they run under.</param>
/// <param name="Iteration">The global iteration count at the boundary where they were put in place.</param>
internal sealed record SwapOnTrial(
    WatchedAssembly Assembly,
    AssemblySnapshot Snapshot,
    PluginAssemblyScan Scan,
    IReadOnlyList<SwapCandidate> Candidates,
    SwapTrial Trial,
    long Iteration)
{
    /// <summary>Whether every new instance has been called without an exception.</summary>
    public bool Passed => Trial.Failure is null && Candidates.All(candidate => Trial.HasCalled(candidate.Instance));
}

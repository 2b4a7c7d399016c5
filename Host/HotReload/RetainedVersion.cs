using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// The version of a plugin assembly that an applied swap replaced, kept loaded (with its instances) so that the new
/// version can fall back on it and be rolled back when it throws after its trial. Kept until the next swap is applied.
/// </summary>
/// <param name="Snapshot">The file as that version was loaded.</param>
/// <param name="Scan">Its plugins and load context (owned).</param>
/// <param name="Instances">Its instance for each slot.</param>
internal sealed record RetainedVersion(AssemblySnapshot Snapshot, PluginAssemblyScan Scan, IReadOnlyDictionary<PluginSlot, object> Instances) : IDisposable
{
    /// <summary>Disposes its instances and unloads its load context (once nothing else refers to it).</summary>
    public void Dispose()
    {
        foreach (var instance in Instances.Values) (instance as IDisposable)?.Dispose();
        Scan.Loader?.Dispose();
    }
}

using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.HotReload;

/// <summary>A plugin assembly file the run uses, the version of it in use, and the slots its plugins fill.</summary>
/// <param name="path">The assembly file.</param>
/// <param name="inUse">The file's content as loaded for the instances in the slots.</param>
/// <param name="slots">The run's plugins that come from this assembly.</param>
internal sealed class WatchedAssembly(string path, AssemblySnapshot inUse, IReadOnlyList<PluginSlot> slots)
{
    /// <summary>The assembly file.</summary>
    public string Path { get; } = path;

    /// <summary>The file's content as loaded for the instances in the slots.</summary>
    public AssemblySnapshot InUse { get; set; } = inUse;

    /// <summary>The run's plugins that come from this assembly.</summary>
    public IReadOnlyList<PluginSlot> Slots { get; } = slots;

    /// <summary>The version the last applied swap replaced, still loaded to fall back on; null when there is none.</summary>
    public RetainedVersion? Retained { get; set; }
}

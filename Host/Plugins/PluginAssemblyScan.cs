using McMaster.NETCore.Plugins;

namespace Neuromorph.Host.Plugins;

/// <summary>What scanning one plugin assembly produced.</summary>
/// <param name="Loader">The loader that owns the assembly's load context; null when nothing was kept.</param>
/// <param name="Descriptors">The plugins found in the assembly.</param>
/// <param name="Problems">The assembly's or its types' problems (each skipped, not fatal).</param>
internal sealed record PluginAssemblyScan(
    PluginLoader? Loader,
    IReadOnlyList<PluginDescriptor> Descriptors,
    IReadOnlyList<PluginLoadProblem> Problems);

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[plugins]</c> table.</summary>
/// <param name="Directories">Extra plugin directories. Relative paths in the file are resolved against the
/// configuration file's folder by <see cref="ConfigurationLoader"/>, so the bound value holds full paths.</param>
/// <param name="HotReload">Whether <c>train</c> watches the assembly files of the plugins the run uses and swaps
/// in a rebuilt version at the next iteration boundary (the weights, optimizer state, schedule position, data
/// order and random streams carry on unchanged).</param>
internal sealed record PluginsSection(IReadOnlyList<string>? Directories = null, bool HotReload = false)
{
    /// <summary>Extra plugin directories (full paths once loaded).</summary>
    public IReadOnlyList<string> Directories { get; init; } = Directories ?? [];
}

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[plugins]</c> table.</summary>
/// <param name="Directories">Extra plugin directories. Relative paths in the file are resolved against the
/// configuration file's folder by <see cref="ConfigurationLoader"/>, so the bound value holds full paths.</param>
internal sealed record PluginsSection(IReadOnlyList<string>? Directories = null)
{
    /// <summary>Extra plugin directories (full paths once loaded).</summary>
    public IReadOnlyList<string> Directories { get; init; } = Directories ?? [];
}

namespace Neuromorph.Host.Plugins;

/// <summary>A configuration names a plugin that no plugin directory provides.</summary>
/// <param name="kind">The kind that was asked for.</param>
/// <param name="name">The name that was asked for.</param>
/// <param name="message">The full message: available names, the nearest one, skipped assemblies.</param>
internal sealed class PluginNotFoundException(PluginKind kind, string name, string message)
    : PluginConfigurationException(message)
{
    /// <summary>The kind that was asked for.</summary>
    public PluginKind Kind { get; } = kind;

    /// <summary>The name that was asked for.</summary>
    public string Name { get; } = name;
}

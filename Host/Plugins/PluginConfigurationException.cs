namespace Neuromorph.Host.Plugins;

/// <summary>
/// A plugin setup error caused by the user's configuration or plugin folders (a missing directory, two
/// plugins with one name, a name that shadows a built-in). The host reports it as a configuration error
/// (exit code 2).
/// </summary>
internal class PluginConfigurationException(string message) : Exception(message);

namespace Neuromorph.Abstractions;

/// <summary>
/// Thrown by a plugin's constructor when an option value is invalid. The host reports it as a
/// configuration error (exit code 2) before any work starts, naming the plugin and the key.
/// </summary>
/// <param name="key">The option's key as written in TOML (<c>snake_case</c>), or the empty string.</param>
/// <param name="message">What is wrong and how to fix it.</param>
public sealed class PluginOptionsException(string key, string message) : Exception(message)
{
    /// <summary>The offending option's key as written in TOML.</summary>
    public string Key { get; } = key;
}

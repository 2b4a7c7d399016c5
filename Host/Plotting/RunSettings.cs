using System.Globalization;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Plotting;

/// <summary>A run's <c>config.toml</c> as dotted keys with their values as TOML text, for titles and legends.</summary>
internal sealed class RunSettings(IReadOnlyDictionary<string, string> keys)
{
    public static RunSettings None { get; } = new(new Dictionary<string, string>());

    /// <summary>Every key (defaults included: <c>config.toml</c> is the effective configuration) and its TOML value.</summary>
    public IReadOnlyDictionary<string, string> Keys => keys;

    /// <summary>The settings in <paramref name="path"/>, or <see cref="None"/> when there is no such file.</summary>
    /// <exception cref="RunDirectoryException">The file is not valid TOML (exit 3, naming it).</exception>
    public static RunSettings Read(string path)
    {
        if (!File.Exists(path)) return None;
        try
        {
            return new RunSettings(ConfigurationKeys.Flatten(TomlText.Parse(File.ReadAllText(path), path)));
        }
        catch (ConfigurationException e)
        {
            throw new RunDirectoryException($"'{path}' is not a run configuration ({e.Message}). The file is corrupt; restore it.", e);
        }
    }

    /// <summary>A value as a reader wants it: a string without its quotes, anything else as written.</summary>
    public string? Text(string key) => keys.TryGetValue(key, out var value) ? Plain(value) : null;

    public int? Integer(string key) =>
        keys.TryGetValue(key, out var value) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary><c>"csnn"</c> → <c>csnn</c>; <c>0.001</c> stays.</summary>
    public static string Plain(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}

using Neuromorph.Abstractions;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Tomlyn.Model;

namespace Neuromorph.Host.Composition;

/// <summary>Binds a plugin's TOML options and creates it, turning option errors into configuration errors that name the key.</summary>
internal static class ConfiguredPlugins
{
    /// <summary>
    /// Binds <paramref name="table"/> (found at <paramref name="tablePath"/>) to the plugin's options type; null
    /// for a plugin without options, which then must not be given any.
    /// </summary>
    public static object? BindOptions(PluginDescriptor plugin, TomlTable table, string tablePath)
    {
        if (plugin.OptionsType is not null) return OptionsBinder.Bind(plugin.OptionsType, table, tablePath);
        if (table.Count > 0)
            throw new ConfigurationException(
                $"Plugin '{plugin.Name}' takes no options, but the configuration sets {string.Join(", ", table.Keys.Select(k => tablePath + "." + k))}.");
        return null;
    }

    /// <summary>Creates a plugin; an option value its constructor refuses becomes a configuration error naming the key.</summary>
    public static object Create(
        PluginDescriptor plugin, object? options, string tablePath, PluginContext context, ISurrogateGradient? surrogate)
    {
        try
        {
            return PluginActivator.Create(plugin, _ => options!, context, surrogate);
        }
        catch (PluginOptionsException e)
        {
            var key = string.IsNullOrEmpty(e.Key) ? tablePath : $"{tablePath}.{e.Key}";
            throw new ConfigurationException($"{key} (plugin '{plugin.Name}'): {e.Message}", e);
        }
    }
}

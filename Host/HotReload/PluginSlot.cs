using Neuromorph.Abstractions;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Plugins;
using Tomlyn.Model;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// One plugin a run uses, in the place the engine calls it from (the model of every neuron layer, the
/// objective's distillation scheme, adversarial training's attack), with what it takes to create it again: its
/// options as written in the configuration, the run's <see cref="PluginContext"/> and, for a neuron model, the
/// network's surrogate. A swap creates a new instance for the slot (from a new version of the plugin's assembly,
/// or from new options) and puts it in place between two iterations.
/// </summary>
/// <param name="descriptor">The plugin as loaded.</param>
/// <param name="tablePath">Where its options live in the configuration (e.g. <c>distillation</c>), for messages.</param>
/// <param name="options">Its options table as written (defaults not filled in, so a new version binds its own).</param>
/// <param name="context">The run's facts the plugin was created with.</param>
/// <param name="surrogate">The surrogate a neuron model was created with; null for other kinds.</param>
/// <param name="instance">The instance in use.</param>
/// <param name="install">Puts an instance in the engine's place for the plugin.</param>
internal sealed class PluginSlot(
    PluginDescriptor descriptor,
    string tablePath,
    TomlTable options,
    PluginContext context,
    ISurrogateGradient? surrogate,
    object instance,
    Action<object> install)
{
    /// <summary>The plugin as loaded, from the version in use.</summary>
    public PluginDescriptor Descriptor { get; private set; } = descriptor;

    /// <summary>The instance the engine calls.</summary>
    public object Instance { get; private set; } = instance;

    public PluginKind Kind => Descriptor.Kind;

    public string Name => Descriptor.Name;

    /// <summary>Where the options live in the configuration, e.g. <c>neuron.options</c>.</summary>
    public string TablePath { get; } = tablePath;

    /// <summary>The options table as written; a swap binds it again with the new instance's options type.</summary>
    public TomlTable Options { get; private set; } = options;

    /// <summary>The run's facts the plugin is created with.</summary>
    public PluginContext Context { get; } = context;

    /// <summary>The plugin for messages, e.g. <c>distillation scheme 'strong2weak'</c>.</summary>
    public string Describe() => $"{PluginKinds.Describe(Kind)} '{Name}'";

    /// <summary>
    /// A new instance of the plugin as <paramref name="version"/> describes it, its options bound from
    /// <see cref="Options"/>. Throws <see cref="Configuration.ConfigurationException"/> when the options do not
    /// bind or the constructor refuses them, and whatever else the constructor throws.
    /// </summary>
    public object Create(PluginDescriptor version)
    {
        var bound = ConfiguredPlugins.BindOptions(version, Options, TablePath);
        return ConfiguredPlugins.Create(version, bound, TablePath, Context, surrogate);
    }

    /// <summary>Puts <paramref name="candidate"/> where the engine calls the plugin, without making it the slot's own.</summary>
    public void Stand(object candidate) => install(candidate);

    /// <summary>Makes <paramref name="replacement"/>, created from <paramref name="version"/>, the slot's instance.</summary>
    public void Commit(PluginDescriptor version, object replacement)
    {
        Descriptor = version;
        Instance = replacement;
        install(replacement);
    }

    /// <summary>
    /// A new instance of the version in use with <paramref name="options"/> (changed hyperparameters), put in
    /// place at once; the plugin's code is the one already running. Throws
    /// <see cref="Configuration.ConfigurationException"/> when the options do not bind or the constructor refuses
    /// them, and then nothing changes.
    /// </summary>
    public void Rebind(TomlTable options)
    {
        var bound = ConfiguredPlugins.BindOptions(Descriptor, options, TablePath);
        var replacement = ConfiguredPlugins.Create(Descriptor, bound, TablePath, Context, surrogate);
        Options = options;
        Commit(Descriptor, replacement);
    }

    /// <summary>Puts the slot's own instance back where the engine calls the plugin.</summary>
    public void Restore() => install(Instance);
}

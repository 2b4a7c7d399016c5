using Neuromorph.Abstractions;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Plugins.Guards;
using Tomlyn.Model;

namespace Neuromorph.Host.Plugins;

/// <summary>
/// One plugin a run uses, with what it takes to create it again (its options as written, the run's
/// <see cref="PluginContext"/> and, for a neuron model, the network's surrogate) and the place in the run's
/// <see cref="Engine.Training.RunSlots"/> it goes to. The engine calls it through a <see cref="PluginGuard"/>: the
/// instance in use, and the one it replaced while that is kept for falling back on.
/// </summary>
/// <param name="descriptor">The plugin as loaded.</param>
/// <param name="tablePath">Where its options live in the configuration (e.g. <c>distillation</c>), for messages.</param>
/// <param name="options">Its options table as written (defaults not filled in, so a new version binds its own).</param>
/// <param name="context">The run's facts the plugin was created with.</param>
/// <param name="surrogate">The surrogate a neuron model was created with; null for other kinds.</param>
/// <param name="instance">The instance in use.</param>
/// <param name="install">Puts a guarded instance in the run's slot for the plugin.</param>
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

    /// <summary>The instance in use.</summary>
    public object Instance { get; private set; } = instance;

    /// <summary>The guard the engine calls now.</summary>
    public PluginGuard Guard { get; private set; } = new(Describe(descriptor), descriptor.AssemblyPath, instance, null);

    public PluginKind Kind => Descriptor.Kind;

    public string Name => Descriptor.Name;

    /// <summary>Where the options live in the configuration, e.g. <c>neuron.options</c>.</summary>
    public string TablePath { get; } = tablePath;

    /// <summary>The run's facts the plugin is created with.</summary>
    public PluginContext Context { get; } = context;

    /// <summary>A new version on trial (see <see cref="Try"/>), or null.</summary>
    public (PluginDescriptor Version, object Instance)? OnTrial { get; private set; }

    /// <summary>The options table as written; a swap binds it again with the new instance's options type.</summary>
    public TomlTable Options { get; private set; } = options;

    /// <summary>The plugin for messages, e.g. <c>distillation scheme 'strong2weak'</c>.</summary>
    public string Describe() => Describe(Descriptor);

    /// <summary>Puts the slot's guard in the run (once, when the run is composed).</summary>
    public void Install() => install(PluginGuard.Wrap(Kind, Guard));

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

    /// <summary>
    /// Puts <paramref name="candidate"/>, created from <paramref name="version"/>, on trial: the engine calls it, falling
    /// back on the instance in use (when <paramref name="canFallBack"/>) if it throws. <see cref="Commit"/> makes it
    /// the instance in use; <see cref="Use"/> puts another one back.
    /// </summary>
    public void Try(PluginDescriptor version, object candidate, bool canFallBack)
    {
        OnTrial = (version, candidate);
        Guard = new PluginGuard(Describe(version), version.AssemblyPath, candidate, canFallBack ? Instance : null);
        Install();
    }

    /// <summary>The version on trial becomes the one in use; its guard (and fallback) stays in place.</summary>
    public void Commit()
    {
        var (version, candidate) = OnTrial ?? throw new InvalidOperationException($"{Describe()} has no version on trial.");
        (Descriptor, Instance, OnTrial) = (version, candidate, null);
    }

    /// <summary>
    /// Makes <paramref name="replacement"/>, created from <paramref name="version"/>, the instance in use, with
    /// <paramref name="fallback"/> (or none) to fall back on when it throws; a version on trial is dropped.
    /// </summary>
    public void Use(PluginDescriptor version, object replacement, object? fallback)
    {
        Descriptor = version;
        Instance = replacement;
        OnTrial = null;
        Guard = new PluginGuard(Describe(version), version.AssemblyPath, replacement, fallback);
        Install();
    }

    /// <summary>
    /// A new instance of the version in use with <paramref name="options"/> (changed hyperparameters), put in place at
    /// once with the current instance to fall back on. Throws <see cref="Configuration.ConfigurationException"/> when
    /// the options do not bind or the constructor refuses them, and then nothing changes.
    /// </summary>
    public void Rebind(TomlTable options)
    {
        var bound = ConfiguredPlugins.BindOptions(Descriptor, options, TablePath);
        var replacement = ConfiguredPlugins.Create(Descriptor, bound, TablePath, Context, surrogate);
        Options = options;
        Use(Descriptor, replacement, fallback: null);
    }

    private static string Describe(PluginDescriptor descriptor) => $"{PluginKinds.Describe(descriptor.Kind)} '{descriptor.Name}'";
}

using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;
using Tomlyn.Model;

namespace Neuromorph.Host.Composition;

/// <summary>
/// A plugin an experiment uses and what it was created from. It holds nothing of the plugin's own (no type, no
/// instance), so keeping it never keeps a plugin version loaded; hot reload creates the plugin again from it.
/// </summary>
/// <param name="Kind">The plugin's kind.</param>
/// <param name="Name">The plugin's configuration name.</param>
/// <param name="TablePath">Where its options live in the configuration, e.g. <c>neuron.options</c>.</param>
/// <param name="Options">Its options table as written (plugin keys only).</param>
/// <param name="Context">The run's facts it was created with.</param>
/// <param name="Surrogate">The surrogate a neuron model was created with; null for other kinds.</param>
internal sealed record PluginUse(
    PluginKind Kind, string Name, string TablePath, TomlTable Options, PluginContext Context, ISurrogateGradient? Surrogate);

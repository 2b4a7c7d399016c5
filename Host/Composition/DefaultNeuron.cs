using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Composition;

/// <summary>
/// The neuron model of an empty configuration's <c>[neuron]</c> table (the <c>lif</c> plugin with its default options
/// and surrogate), for commands that build networks without a run configuration.
/// </summary>
internal static class DefaultNeuron
{
    /// <summary>The plugin the neuron comes from, for messages.</summary>
    public static string PluginName => RunConfiguration.Default.Neuron.Plugin;

    /// <summary>Creates the neuron from <paramref name="catalog"/>, which must stay loaded while it is used.</summary>
    /// <exception cref="PluginNotFoundException">The bundled plugins are missing.</exception>
    public static INeuronModel Create(PluginCatalog catalog, PluginContext context)
    {
        var section = RunConfiguration.Default.Neuron;
        var plugin = catalog.Find(PluginKind.Neuron, section.Plugin);
        var options = ConfiguredPlugins.BindOptions(plugin, section.Options, "neuron.options");
        var surrogate = SurrogateGradients.Create(section.Surrogate, section.SurrogateAlpha);
        return (INeuronModel)ConfiguredPlugins.Create(plugin, options, "neuron.options", context, surrogate);
    }
}

using Neuromorph.Abstractions;
using Neuromorph.Engine.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Spiking;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using TorchSharp;

namespace Neuromorph.Host.Composition;

/// <summary>
/// Builds an <see cref="Experiment"/> from a validated configuration, in an order that reports every
/// configuration and plugin error (exit 2) before reading any data (exit 3) and before any training work.
/// </summary>
internal static class ExperimentFactory
{
    public static Experiment Create(RunConfiguration configuration)
    {
        var catalog = PluginCatalog.LoadForHost(configuration.Plugins.Directories);
        try
        {
            // 1. Plugins and their options: names resolved, options bound and checked.
            catalog.RejectShadowing(PluginKind.DistillationScheme, [NoDistillation.Name]);
            var neuronPlugin = catalog.Find(PluginKind.Neuron, configuration.Neuron.Plugin);
            var neuronOptions = BindOptions(neuronPlugin, configuration.Neuron.Options, "neuron.options");
            var schemeName = configuration.Distillation.Scheme;
            var schemePlugin = schemeName == NoDistillation.Name ? null : catalog.Find(PluginKind.DistillationScheme, schemeName);
            var schemeOptions = schemePlugin is null ? null : BindOptions(schemePlugin, configuration.Distillation.Options, "distillation");
            if (schemePlugin is null && configuration.Distillation.Options.Count > 0)
                throw new ConfigurationException(
                    $"[distillation] scheme = \"none\" takes no options, but the file sets {string.Join(", ", configuration.Distillation.Options.Keys.Select(k => "distillation." + k))}.");
            var surrogate = new AdjustableSurrogate(SurrogateGradients.Create(configuration.Neuron.Surrogate, configuration.Neuron.SurrogateAlpha));

            // 2. Plugin instances: their constructors check option values against the run (e.g. T).
            var context = new PluginContext(
                configuration.Model.Timesteps, DatasetCatalog.ClassCount(configuration.Data.Dataset), configuration.Run.Seed);
            var neuron = (INeuronModel)CreatePlugin(catalog, neuronPlugin, neuronOptions, "neuron.options", context, surrogate);
            var scheme = schemePlugin is null
                ? new NoDistillation()
                : (IDistillationScheme)CreatePlugin(catalog, schemePlugin, schemeOptions, "distillation", context, null);

            // 3. Data, then the network (seeded, so initial weights are reproducible).
            var data = LoadData(configuration);
            if (configuration.Run.Threads > 0) torch.set_num_threads(configuration.Run.Threads);
            torch.manual_seed(configuration.Run.Seed);
            var train = data.Train;
            var spec = new ModelSpec(
                configuration.Model.Name, configuration.Model.Timesteps, [train.Channels, train.Height, train.Width],
                train.ClassCount, configuration.Model.Channels, configuration.Model.Hidden,
                train.Normalization.Mean, train.Normalization.Std);
            var network = ModelCatalog.Build(spec, neuron);

            var description = new RunDescription(
                configuration.Data.Dataset, configuration.Model.Name, configuration.Neuron.Plugin, schemeName, configuration.Run.Seed);
            var effective = WithBoundOptions(configuration, neuronOptions, schemeOptions).ToToml();
            return new Experiment(configuration, catalog, data, network, new Objective(scheme), description, effective);
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>Creates a plugin; an option value its constructor refuses becomes a configuration error naming the key.</summary>
    private static object CreatePlugin(
        PluginCatalog catalog, PluginDescriptor plugin, object? options, string tablePath, PluginContext context, ISurrogateGradient? surrogate)
    {
        try
        {
            return catalog.Create(plugin, _ => options!, context, surrogate);
        }
        catch (PluginOptionsException e)
        {
            var key = string.IsNullOrEmpty(e.Key) ? tablePath : $"{tablePath}.{e.Key}";
            throw new ConfigurationException($"{key} (plugin '{plugin.Name}'): {e.Message}", e);
        }
    }

    private static object? BindOptions(PluginDescriptor plugin, Tomlyn.Model.TomlTable table, string tablePath)
    {
        if (plugin.OptionsType is not null) return OptionsBinder.Bind(plugin.OptionsType, table, tablePath);
        if (table.Count > 0)
            throw new ConfigurationException(
                $"Plugin '{plugin.Name}' takes no options, but the configuration sets {string.Join(", ", table.Keys.Select(k => tablePath + "." + k))}.");
        return null;
    }

    /// <summary>The configuration with each plugin's options as bound, defaults included, for the record.</summary>
    private static RunConfiguration WithBoundOptions(RunConfiguration configuration, object? neuronOptions, object? schemeOptions) =>
        configuration with
        {
            Neuron = neuronOptions is null ? configuration.Neuron : configuration.Neuron with { Options = OptionsBinder.Render(neuronOptions) },
            Distillation = schemeOptions is null ? configuration.Distillation : configuration.Distillation with { Options = OptionsBinder.Render(schemeOptions) },
        };

    private static DatasetSplits LoadData(RunConfiguration configuration)
    {
        var data = configuration.Data;
        var splits = DatasetLocator.FromEnvironment().Load(data.Dataset, data.Path);
        var train = data.TrainLimit > 0 ? splits.Train.Take(data.TrainLimit) : splits.Train;
        var test = data.TestLimit > 0 ? splits.Test.Take(data.TestLimit) : splits.Test;
        return new DatasetSplits(train, test);
    }
}

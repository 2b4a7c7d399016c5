using Neuromorph.Abstractions;
using Neuromorph.Engine.Data;
using Neuromorph.Engine.Data.Events;
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
    /// <summary>
    /// Builds the experiment; with <paramref name="attacks"/>, also the attacks an evaluation runs (created with
    /// the other plugins, so their option errors are reported before any data is read). <paramref name="progress"/>
    /// hears about slow data preparation (integrating an event dataset into frames the first time).
    /// </summary>
    public static Experiment Create(RunConfiguration configuration, AttackRequest? attacks = null, Action<string>? progress = null)
    {
        // With hot reload the assemblies are read into memory, so a rebuild may overwrite their files mid-run.
        var catalog = PluginCatalog.LoadForHost(configuration.Plugins.Directories, loadInMemory: configuration.Plugins.HotReload);
        try
        {
            // 1. Plugins and their options: names resolved, options bound and checked.
            catalog.RejectShadowing(PluginKind.DistillationScheme, [NoDistillation.Name]);
            var neuronPlugin = catalog.Find(PluginKind.Neuron, configuration.Neuron.Plugin);
            var neuronOptions = ConfiguredPlugins.BindOptions(neuronPlugin, configuration.Neuron.Options, "neuron.options");
            var schemeName = configuration.Distillation.Scheme;
            var schemePlugin = schemeName == NoDistillation.Name ? null : catalog.Find(PluginKind.DistillationScheme, schemeName);
            var schemeOptions = schemePlugin is null ? null : ConfiguredPlugins.BindOptions(schemePlugin, configuration.Distillation.Options, "distillation");
            if (schemePlugin is null && configuration.Distillation.Options.Count > 0)
                throw new ConfigurationException(
                    $"[distillation] scheme = \"none\" takes no options, but the file sets {string.Join(", ", configuration.Distillation.Options.Keys.Select(k => "distillation." + k))}.");
            var surrogate = new AdjustableSurrogate(SurrogateGradients.Create(configuration.Neuron.Surrogate, configuration.Neuron.SurrogateAlpha));
            var events = EventDatasetCatalog.Find(configuration.Data.Dataset);
            if (attacks is not null && events is not null)
                throw new ConfigurationException(
                    $"The run trained on the event dataset '{events.Name}' ({events.Title}); attacks perturb images in [0, 1], "
                    + "not event-count frames, so there is nothing to attack.");

            // 2. Plugin instances: their constructors check option values against the run (e.g. T).
            var context = new PluginContext(
                configuration.Model.Timesteps, events?.ClassCount ?? DatasetCatalog.ClassCount(configuration.Data.Dataset), configuration.Run.Seed);
            var neuron = (INeuronModel)ConfiguredPlugins.Create(neuronPlugin, neuronOptions, "neuron.options", context, surrogate);
            var scheme = schemePlugin is null
                ? new NoDistillation()
                : (IDistillationScheme)ConfiguredPlugins.Create(schemePlugin, schemeOptions, "distillation", context, null);
            var adversarialTraining = AttackFactory.ForTraining(catalog, configuration, context);
            var evaluationAttacks = attacks is null ? [] : AttackFactory.ForEvaluation(catalog, configuration, attacks, context);

            // 3. Data, then the network (seeded, so initial weights are reproducible).
            var data = events is null ? LoadData(configuration) : LoadEventData(configuration, events, progress);
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
            var effective = WithBoundOptions(configuration, neuronOptions, schemeOptions, adversarialTraining).ToToml();
            var weight = configuration.AdversarialTraining.OrthogonalityWeight;
            var objective = new Objective(scheme)
            {
                Regularizer = weight > 0 ? new Engine.Robustness.OrthogonalityPenalty(network.parameters(), weight) : null,
            };
            List<PluginUse> uses =
            [
                new(PluginKind.Neuron, neuronPlugin.Name, "neuron.options", configuration.Neuron.Options, context, surrogate),
            ];
            if (schemePlugin is not null)
                uses.Add(new(PluginKind.DistillationScheme, schemePlugin.Name, "distillation", configuration.Distillation.Options, context, null));
            if (adversarialTraining is not null)
                uses.Add(new(PluginKind.Attack, configuration.AdversarialTraining.Attack, "adversarial_training.options",
                    AttackFactory.PluginOptions(configuration.AdversarialTraining.Options), context, null));
            return new Experiment(configuration, catalog, data, network, surrogate, objective, description, effective)
            {
                AdversarialTraining = adversarialTraining,
                Attacks = evaluationAttacks,
                PluginsInUse = uses,
            };
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>The configuration with each plugin's options as bound, defaults included, for the record.</summary>
    private static RunConfiguration WithBoundOptions(
        RunConfiguration configuration, object? neuronOptions, object? schemeOptions, ConfiguredAttack? adversarialTraining) =>
        configuration with
        {
            Data = EventDatasetCatalog.Find(configuration.Data.Dataset) is null
                ? configuration.Data
                : configuration.Data with { Events = OptionsBinder.Render(EventsSection.Bind(configuration.Data.Events)) },
            AdversarialTraining = adversarialTraining is null
                ? configuration.AdversarialTraining
                : configuration.AdversarialTraining with { Options = WithSurrogateKeys(adversarialTraining.Options, configuration.AdversarialTraining.Options) },
            Neuron = neuronOptions is null ? configuration.Neuron : configuration.Neuron with { Options = OptionsBinder.Render(neuronOptions) },
            Distillation = schemeOptions is null ? configuration.Distillation : configuration.Distillation with { Options = OptionsBinder.Render(schemeOptions) },
        };

    /// <summary>Bound attack options plus the host-applied surrogate keys as written.</summary>
    private static Tomlyn.Model.TomlTable WithSurrogateKeys(Tomlyn.Model.TomlTable bound, Tomlyn.Model.TomlTable written)
    {
        var options = new Tomlyn.Model.TomlTable();
        foreach (var (key, value) in bound) options[key] = value;
        foreach (var key in new[] { AttackSection.SurrogateKey, AttackSection.SurrogateAlphaKey })
            if (written.TryGetValue(key, out var value)) options[key] = value;
        return options;
    }

    private static SampleSplits LoadData(RunConfiguration configuration)
    {
        var data = configuration.Data;
        var splits = DatasetLocator.FromEnvironment().Load(data.Dataset, data.Path);
        var train = data.TrainLimit > 0 ? splits.Train.Take(data.TrainLimit) : splits.Train;
        var test = data.TestLimit > 0 ? splits.Test.Take(data.TestLimit) : splits.Test;
        return new SampleSplits(train, test);
    }

    /// <summary>An event dataset as T frames per sample (T = <c>model.timesteps</c>), from its frame cache when it has one.</summary>
    private static SampleSplits LoadEventData(RunConfiguration configuration, EventDatasetDescriptor dataset, Action<string>? progress)
    {
        var data = configuration.Data;
        var events = EventsSection.Bind(data.Events);
        var size = events.FrameSize(dataset);
        var request = new EventDatasetRequest(
            dataset,
            EventDatasetSource.Folder(dataset, data.Path),
            new FrameSettings(configuration.Model.Timesteps, events.FramesSplit, size, size),
            events.SplitSeed,
            string.IsNullOrWhiteSpace(events.CacheDir) ? FrameCacheLocation.Default() : Path.GetFullPath(events.CacheDir),
            data.TrainLimit,
            data.TestLimit);
        return EventDatasetLoader.Load(request, progress);
    }
}

using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Data.Events;
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
            // image-folder's classes are its class folders: listed (not read) here, so a missing folder is a data error.
            var context = new PluginContext(
                configuration.Model.Timesteps,
                events?.ClassCount ?? DatasetCatalog.ClassCount(configuration.Data.Dataset, configuration.Data.Path),
                configuration.Run.Seed);
            var neuron = (INeuronModel)ConfiguredPlugins.Create(neuronPlugin, neuronOptions, "neuron.options", context, surrogate);
            var scheme = schemePlugin is null
                ? new NoDistillation()
                : (IDistillationScheme)ConfiguredPlugins.Create(schemePlugin, schemeOptions, "distillation", context, null);
            var adversarialTraining = AttackFactory.ForTraining(catalog, configuration, context);
            var evaluationAttacks = attacks is null ? [] : AttackFactory.ForEvaluation(catalog, configuration, attacks, context);

            // 3. Data, then the network (seeded, so initial weights are reproducible).
            var data = ConfiguredData.Load(configuration.Data, configuration.Model.Timesteps, progress);
            if (configuration.Run.Threads > 0) torch.set_num_threads(configuration.Run.Threads);
            torch.manual_seed(configuration.Run.Seed);
            var train = data.Train;
            var model = configuration.Model;
            var spec = new ModelSpec(
                model.Name, model.Timesteps, [train.Channels, train.Height, train.Width],
                train.ClassCount, model.Channels, model.Hidden, train.Normalization,
                model.Width, model.NormKind, model.TdbnAlpha, NeuronThreshold(neuronOptions));
            RejectInputSize(spec, configuration.Data.Dataset);
            MemoryEstimate.For(spec, neuron, configuration.Data, data).RejectAbove(AvailableMemory.Read());
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

    /// <summary>
    /// V_th for tdBN: the neuron plugin's <c>threshold</c> option as bound (every bundled neuron has one), or 1 for a
    /// plugin without one.
    /// </summary>
    private static double NeuronThreshold(object? neuronOptions) =>
        neuronOptions is not null && OptionsBinder.Render(neuronOptions).TryGetValue("threshold", out var value)
            ? value switch
            {
                double number => number,
                long number => number,
                _ => 1.0,
            }
            : 1.0;

    /// <summary>
    /// A model that cannot take the dataset's image size is a configuration error (the input size is known only once
    /// the data is read), reported before the network is built.
    /// </summary>
    private static void RejectInputSize(ModelSpec spec, string dataset)
    {
        var problem = ModelCatalog.InputProblem(spec);
        if (problem is null) return;
        var input = InputRequirements.Describe(spec.InputShape);
        throw new ConfigurationException(
            $"model.name = \"{spec.Name}\": {problem} (data.dataset = \"{dataset}\"). Choose a model that takes {input} images "
            + $"('neuromorph models --input {input}' lists them) or a dataset with larger images.");
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
}

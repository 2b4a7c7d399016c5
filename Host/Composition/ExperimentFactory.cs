using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Data.Events;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.HotReload;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Plugins.Guards;
using Neuromorph.Host.TensorBoard;
using TorchSharp;

namespace Neuromorph.Host.Composition;

/// <summary>
/// The composition root: builds an <see cref="Experiment"/> from a validated configuration, in an order that reports
/// every configuration and plugin error (exit 2) before reading any data (exit 3) and before any training work, and
/// builds a <see cref="Training"/> over an experiment (loop, loaders, optimizer, recorder, hot reload). Nothing else
/// creates or wires the parts of a run.
/// </summary>
internal static class ExperimentFactory
{
    /// <summary>
    /// Builds the experiment; with <paramref name="attacks"/>, also the attacks an evaluation runs (created with
    /// the other plugins, so their option errors are reported before any data is read). <paramref name="progress"/>
    /// hears about slow data preparation (integrating an event dataset into frames the first time). A cancelled
    /// <paramref name="stopping"/> ends the build between its stages with <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Experiment Create(
        RunConfiguration configuration, AttackRequest? attacks = null, Action<string>? progress = null, CancellationToken stopping = default)
    {
        // With hot reload the assemblies are read into memory, so a rebuild may overwrite their files mid-run.
        var catalog = PluginCatalog.LoadForHost(configuration.Plugins.Directories, loadInMemory: configuration.Plugins.HotReload);
        try
        {
            // 1. Plugins: names resolved, options bound and checked, instances created (their constructors check the
            //    option values against the run), each in a guarded slot.
            var plugins = ChoosePlugins(catalog, configuration, attacks);

            // 2. Data, then the network (seeded, so initial weights are reproducible) with the slots' neuron model.
            stopping.ThrowIfCancellationRequested();
            var data = ConfiguredData.Load(configuration.Data, configuration.Model.Timesteps, progress);
            stopping.ThrowIfCancellationRequested();
            if (configuration.Run.Threads > 0) torch.set_num_threads(configuration.Run.Threads);
            torch.manual_seed(configuration.Run.Seed);
            var slots = plugins.CreateSlots(configuration.Optimizer.Lr);
            var spec = Spec(configuration, data.Train, plugins.NeuronOptions);
            RejectInputSize(spec, configuration.Data.Dataset);
            MemoryEstimate.For(spec, slots.NeuronModel, configuration.Data, data).RejectAbove(AvailableMemory.Read());
            var network = ModelCatalog.Build(spec, slots.NeuronModel);

            // 3. The objective and what the run records.
            var weight = configuration.AdversarialTraining.OrthogonalityWeight;
            var objective = new Objective(weight > 0 ? new OrthogonalityPenalty(network.parameters(), weight) : null);
            var description = new RunDescription(
                configuration.Data.Dataset, configuration.Model.Name, configuration.Neuron.Plugin, configuration.Distillation.Scheme, configuration.Run.Seed);
            return new Experiment(configuration, catalog, data, network, slots, objective, description, plugins.EffectiveToml(configuration))
            {
                PluginSlots = plugins.Slots,
                Attacks = plugins.EvaluationAttacks,
                AdversarialTraining = plugins.AdversarialTraining,
            };
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The effective configuration an experiment of <paramref name="configuration"/> would record (plugin options bound,
    /// defaults filled in), without reading data or building anything: what <c>--resume</c> compares with a finished run.
    /// </summary>
    public static string EffectiveToml(RunConfiguration configuration)
    {
        using var catalog = PluginCatalog.LoadForHost(configuration.Plugins.Directories);
        return EffectiveToml(configuration, catalog);
    }

    /// <summary>
    /// Like <see cref="EffectiveToml(RunConfiguration)"/> with plugins from <paramref name="catalog"/> (loaded for the
    /// configuration's plugin directories), so that many configurations are checked against one catalog.
    /// </summary>
    public static string EffectiveToml(RunConfiguration configuration, PluginCatalog catalog) =>
        ChoosePlugins(catalog, configuration, attacks: null).EffectiveToml(configuration);

    /// <summary>
    /// The training of <paramref name="experiment"/> into <paramref name="runDirectory"/>: loaders, optimizer, schedule,
    /// step, recorder and loop, and with <c>[plugins] hot_reload = true</c> the plugin and settings reloads, which report
    /// each change through <paramref name="reloadLog"/>. With <c>[run] tensorboard = true</c> a
    /// <see cref="TensorBoardReporter"/> watches the run after <paramref name="observers"/>, its notes also going to
    /// <paramref name="reloadLog"/>.
    /// </summary>
    public static Training CreateTraining(
        Experiment experiment, RunDirectory runDirectory, IReadOnlyList<ITrainingObserver> observers, Action<string> reloadLog)
    {
        var configuration = experiment.Configuration;
        var network = experiment.Network;
        var slots = experiment.Slots;
        var train = experiment.CreateTrainingBatches();
        var optimizer = experiment.CreateOptimizer();
        var settings = new TrainingSettings(
            configuration.Run.Epochs, configuration.Checkpoint.KeepBest, TimeSpan.FromMinutes(configuration.Checkpoint.EveryMinutes));
        // Before anything that holds resources: a run too long for TensorBoard's steps is refused here.
        IReadOnlyList<ITrainingObserver> watching = configuration.Run.Tensorboard
            ? [.. observers, TensorBoardReporter.Create(runDirectory, configuration.Run.LogEvery, (long)train.BatchesPerEpoch * settings.Epochs, reloadLog)]
            : observers;
        var schedule = new LearningRateSchedule(
            configuration.Optimizer.Schedule, configuration.Optimizer.StepSize, configuration.Optimizer.Gamma,
            (long)train.BatchesPerEpoch * settings.Epochs);
        var adversarial = slots.Attack is null
            ? null
            : new AdversarialMix(network, slots.Surrogate, configuration.AdversarialTraining.Fraction);
        var step = new TrainingStep(network, optimizer, experiment.Objective, slots, adversarial);
        var recorder = new RunRecorder(runDirectory, network, optimizer, experiment.Description, settings);

        var reloads = new List<IDisposable>();
        IIterationBoundary? boundary = null;
        if (configuration.Plugins.HotReload)
        {
            var plugins = new PluginHotReload(experiment.Plugins, experiment.PluginSlots, reloadLog);
            reloads.Add(plugins);
            var settingsReload = new SettingsReload(
                runDirectory.ConfigPath, slots, experiment.PluginSlots.FirstOrDefault(slot => slot.Kind == PluginKind.DistillationScheme), reloadLog);
            reloads.Add(settingsReload);
            boundary = new IterationBoundaries([plugins, settingsReload]);
        }
        var loop = new TrainingLoop(
            network, step, slots, optimizer, schedule, train, experiment.CreateTestBatches(), recorder, settings, watching, boundary);
        return new Training(loop, reloads);
    }

    /// <summary>The chosen plugins; a plugin that is not there is named with its key and the file that asks for it.</summary>
    private static ChosenPlugins ChoosePlugins(PluginCatalog catalog, RunConfiguration configuration, AttackRequest? attacks)
    {
        try
        {
            return ChosenPlugins.Create(catalog, configuration, attacks);
        }
        catch (PluginNotFoundException e) when (configuration.SourcePath is { } source)
        {
            throw new ConfigurationException($"{source}: {e.Message}", e);
        }
    }

    private static ModelSpec Spec(RunConfiguration configuration, ISampleSource train, object? neuronOptions)
    {
        var model = configuration.Model;
        return new ModelSpec(
            model.Name, model.Timesteps, [train.Channels, train.Height, train.Width],
            train.ClassCount, model.Channels, model.Hidden, train.Normalization,
            model.Width, model.NormKind, model.TdbnAlpha, NeuronThreshold(neuronOptions));
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
}

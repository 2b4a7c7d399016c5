using System.Globalization;
using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.HotReload;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Composition;

/// <summary>
/// Everything one run is made of, built and validated from its configuration: the loaded plugins, the
/// dataset, the network, the objective and the effective configuration to record.
/// </summary>
internal sealed class Experiment(
    RunConfiguration configuration,
    PluginCatalog plugins,
    DatasetSplits data,
    SpikingNetwork network,
    AdjustableSurrogate surrogate,
    Objective objective,
    RunDescription description,
    string effectiveToml) : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public RunConfiguration Configuration { get; } = configuration;

    public PluginCatalog Plugins { get; } = plugins;

    public DatasetSplits Data { get; } = data;

    public SpikingNetwork Network { get; } = network;

    /// <summary>The surrogate gradient the network's neurons differentiate spikes with; attacks may swap it while they run.</summary>
    public AdjustableSurrogate Surrogate { get; } = surrogate;

    public Objective Objective { get; } = objective;

    /// <summary>
    /// The attack that makes adversarial training examples, or null when the run trains on clean data only.
    /// Hot reload replaces it when it swaps the attack plugin.
    /// </summary>
    public ConfiguredAttack? AdversarialTraining { get; set; }

    /// <summary>The plugins the run uses (neuron model, distillation scheme, adversarial-training attack).</summary>
    public IReadOnlyList<PluginUse> PluginsInUse { get; init; } = [];

    /// <summary>The run's plugin hot reload, once <see cref="CreateTrainingLoop"/> has set it up (<c>[plugins] hot_reload</c>).</summary>
    public PluginHotReload? HotReload { get; private set; }

    /// <summary>Applies hyperparameters changed in the run's <c>config.toml</c> (with hot reload on), else null.</summary>
    public SettingsReload? Settings { get; private set; }

    /// <summary>The attacks an evaluation runs (empty unless the experiment was created for one).</summary>
    public IReadOnlyList<ConfiguredAttack> Attacks { get; init; } = [];

    public RunDescription Description { get; } = description;

    /// <summary>The configuration with every default filled in, as written to the run's <c>config.toml</c>.</summary>
    public string EffectiveToml { get; } = effectiveToml;

    /// <summary>The test set in order, in batches of <c>data.test_batch_size</c> or of <paramref name="batchSize"/>.</summary>
    public BatchLoader CreateTestBatches(int? batchSize = null) =>
        Own(ConfiguredData.TestBatches(Data.Test, Configuration.Data, Configuration.Run.Seed, batchSize));

    /// <summary>The configured optimizer over the network's parameters, at the configured initial learning rate.</summary>
    public TorchSharp.Modules.OptimizerHelper CreateOptimizer()
    {
        var optimizer = Configuration.Optimizer;
        var settings = new OptimizerSettings(
            optimizer.Name, optimizer.Lr, optimizer.Momentum, optimizer.WeightDecay, optimizer.Nesterov, optimizer.Beta1, optimizer.Beta2);
        return Own(OptimizerFactory.Create(settings, Network.parameters()));
    }

    /// <summary>
    /// The training loop over the experiment. With <c>[plugins] hot_reload = true</c> it also sets up
    /// <see cref="HotReload"/>, which reports each swap through <paramref name="reloadLog"/>.
    /// </summary>
    public TrainingLoop CreateTrainingLoop(
        RunDirectory runDirectory, IReadOnlyList<ITrainingObserver> observers, Action<string>? reloadLog = null)
    {
        var data = Configuration.Data;
        var train = Own(ConfiguredData.TrainingBatches(Data.Train, data, Configuration.Run.Seed));
        var optimizerConfig = Configuration.Optimizer;
        var optimizer = CreateOptimizer();
        var schedule = new LearningRateSchedule(
            optimizerConfig.Schedule, optimizerConfig.Lr, optimizerConfig.StepSize, optimizerConfig.Gamma,
            (long)train.BatchesPerEpoch * Configuration.Run.Epochs);
        var adversarial = AdversarialTraining is null
            ? null
            : new AdversarialMix(Network, Surrogate, AdversarialTraining.Run, Configuration.AdversarialTraining.Fraction);
        TrainingLoop? loop = null;
        IIterationBoundary? boundary = null;
        if (Configuration.Plugins.HotReload)
        {
            var log = reloadLog ?? (_ => { });
            var slots = CreateSlots(adversarial, optimizer, log);
            HotReload = Own(new PluginHotReload(Plugins, slots, log));
            // The learning rate is the loop's: the reload reaches it once the loop exists (before any iteration).
            var settings = Settings = Own(new SettingsReload(
                runDirectory.ConfigPath, slots.FirstOrDefault(slot => slot.Kind == PluginKind.DistillationScheme),
                rate => loop!.Schedule = loop.Schedule with { BaseRate = rate }, log));
            boundary = new IterationBoundaries([HotReload, settings]);
        }
        loop = new TrainingLoop(
            Network, optimizer, Objective, schedule, train, CreateTestBatches(), runDirectory, Description,
            new TrainingSettings(Configuration.Run.Epochs, Configuration.Checkpoint.KeepBest), observers, adversarial, boundary);
        return loop;
    }

    /// <summary>A slot for each plugin in use, reading and replacing the instance where the engine calls it.</summary>
    private PluginSlot[] CreateSlots(AdversarialMix? adversarial, TorchSharp.torch.optim.Optimizer optimizer, Action<string> log) => PluginsInUse
        .Select(use => new PluginSlot(
            Plugins.Find(use.Kind, use.Name), use.TablePath, use.Options, use.Context, use.Surrogate,
            InstanceOf(use.Kind, adversarial), Installer(use.Kind, adversarial, optimizer, log)))
        .ToArray();

    private object InstanceOf(PluginKind kind, AdversarialMix? adversarial) => kind switch
    {
        PluginKind.Neuron => Network.NeuronLayers[0].Model,
        PluginKind.DistillationScheme => Objective.Scheme,
        PluginKind.Attack => adversarial!.Attack.Attack,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plugin kind."),
    };

    private Action<object> Installer(PluginKind kind, AdversarialMix? adversarial, TorchSharp.torch.optim.Optimizer optimizer, Action<string> log) => kind switch
    {
        // The layers keep the parameters whose declaration is unchanged (learned values and optimizer state).
        PluginKind.Neuron => instance =>
        {
            foreach (var change in NeuronModelSwap.Apply(Network, (INeuronModel)instance, optimizer).Where(c => c.Kind != NeuronParameterChangeKind.Kept))
                log($"neuron parameter {change}");
        },
        PluginKind.DistillationScheme => instance => Objective.Scheme = (IDistillationScheme)instance,
        PluginKind.Attack => instance =>
        {
            adversarial!.Attack = adversarial.Attack with { Attack = (IAdversarialAttack)instance };
            AdversarialTraining = AdversarialTraining! with { Run = adversarial.Attack };
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plugin kind."),
    };

    private T Own<T>(T item) where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    /// <summary>One line on what is about to run.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Description.Model} with {Description.Neuron} neurons, T = {Network.Timesteps}, scheme {Description.Scheme}, " +
        $"{Network.parameters().Sum(p => p.numel()):N0} parameters; {Description.Dataset}: {Data.Train.Count} training and " +
        $"{Data.Test.Count} test {(Data.Train.Timesteps > 0 ? $"samples of {Data.Train.Timesteps} frames" : "images")}; {Configuration.Run.Epochs} epochs of batch {Configuration.Data.BatchSize}") + DescribeAdversarialTraining();

    private string DescribeAdversarialTraining()
    {
        var section = Configuration.AdversarialTraining;
        var parts = new List<string>();
        if (AdversarialTraining is { } attack)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{attack.Run.Label} examples for {section.Fraction * 100:0.##}% of each batch"));
        if (section.OrthogonalityWeight > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"orthogonality regulariser beta = {section.OrthogonalityWeight:G4}"));
        return parts.Count == 0 ? "" : "; adversarial training: " + string.Join(", ", parts);
    }

    public void Dispose()
    {
        foreach (var item in owned) item.Dispose();
        Network.Dispose();
        Plugins.Dispose();
    }
}

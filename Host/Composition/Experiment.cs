using System.Globalization;
using Neuromorph.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Composition;

/// <summary>
/// Everything one run is made of, built and validated from its configuration by <see cref="ExperimentFactory"/>: the
/// loaded plugins, the dataset, the network, what may change mid-run (<see cref="Slots"/>), the objective and the
/// effective configuration to record. It describes; it is not changed once built (what changes during training lives
/// in <see cref="Slots"/>). Disposing it releases the network, the loaders it made and the plugins.
/// </summary>
internal sealed class Experiment(
    RunConfiguration configuration,
    PluginCatalog plugins,
    DatasetSplits data,
    SpikingNetwork network,
    RunSlots slots,
    Objective objective,
    RunDescription description,
    string effectiveToml) : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public RunConfiguration Configuration { get; } = configuration;

    public PluginCatalog Plugins { get; } = plugins;

    public DatasetSplits Data { get; } = data;

    public SpikingNetwork Network { get; } = network;

    /// <summary>The neuron model, scheme, adversarial-training attack, surrogate and base learning rate in force.</summary>
    public RunSlots Slots { get; } = slots;

    public Objective Objective { get; } = objective;

    /// <summary>The plugins the run uses (neuron model, distillation scheme, adversarial-training attack), each in its slot.</summary>
    public IReadOnlyList<PluginSlot> PluginSlots { get; init; } = [];

    /// <summary>The attacks an evaluation runs (empty unless the experiment was created for one).</summary>
    public IReadOnlyList<ConfiguredAttack> Attacks { get; init; } = [];

    /// <summary>How adversarial training examples are made, for the description; null when the run trains on clean data.</summary>
    public ConfiguredAttack? AdversarialTraining { get; init; }

    public RunDescription Description { get; } = description;

    /// <summary>The configuration with every default filled in, as written to the run's <c>config.toml</c>.</summary>
    public string EffectiveToml { get; } = effectiveToml;

    /// <summary>The test set in order, in batches of <c>data.test_batch_size</c> or of <paramref name="batchSize"/>.</summary>
    public BatchLoader CreateTestBatches(int? batchSize = null) =>
        Own(ConfiguredData.TestBatches(Data.Test, Configuration.Data, Configuration.Run.Seed, batchSize));

    /// <summary>Shuffled, augmented training batches of <c>data.batch_size</c>.</summary>
    public BatchLoader CreateTrainingBatches() =>
        Own(ConfiguredData.TrainingBatches(Data.Train, Configuration.Data, Configuration.Run.Seed));

    /// <summary>The configured optimizer over the network's parameters, at the configured initial learning rate.</summary>
    public TorchSharp.Modules.OptimizerHelper CreateOptimizer()
    {
        var optimizer = Configuration.Optimizer;
        var settings = new OptimizerSettings(
            optimizer.Name, optimizer.Lr, optimizer.Momentum, optimizer.WeightDecay, optimizer.Nesterov, optimizer.Beta1, optimizer.Beta2);
        return Own(OptimizerFactory.Create(settings, Network.parameters()));
    }

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

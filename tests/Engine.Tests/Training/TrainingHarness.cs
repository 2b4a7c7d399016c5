using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Tests.Network;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

/// <summary>
/// Builds a tiny csnn training run on synthetic images in a temporary run directory, composed as the host composes
/// one (slots, step, recorder, loop), with what a test needs to vary.
/// </summary>
internal sealed class TrainingHarness : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public TrainingHarness(
        string runPath, int epochs, int trainCount = 160, int batchSize = 16, long seed = 3, long? initSeed = null,
        IIterationBoundary? boundary = null, IDistillationScheme? scheme = null, string schedule = "cosine", int testCount = 40,
        TimeSpan checkpointEvery = default, TimeProvider? time = null, IEnumerable<ITrainingObserver>? observers = null)
    {
        RunDirectory = new RunDirectory(runPath);
        manual_seed(initSeed ?? seed);
        Slots = new RunSlots(
            new ThresholdNeuron(), scheme ?? new NoDistillation(), attack: null,
            new AdjustableSurrogate(SurrogateGradients.Create("rectangular")), baseLearningRate: 0.03);
        var spec = new ModelSpec("csnn", 2, [1, SyntheticImages.Side, SyntheticImages.Side], 10, [4, 8], 16, 0.1, 0.25);
        Network = ModelCatalog.Build(spec, Slots.NeuronModel);
        var train = new BatchLoader(SyntheticImages.Create(trainCount, 1), batchSize, shuffle: true, seed);
        var test = new BatchLoader(SyntheticImages.Create(testCount, 2), 20, shuffle: false, seed);
        var optimizer = OptimizerFactory.Create(new OptimizerSettings("adam", 0.03, WeightDecay: 0), Network.parameters());
        owned.AddRange([train, test, Network, optimizer]);
        var settings = new TrainingSettings(epochs, CheckpointEvery: checkpointEvery);
        var rates = new LearningRateSchedule(schedule, 1, 0.1, (long)train.BatchesPerEpoch * epochs);
        var step = new TrainingStep(Network, optimizer, new Objective(), Slots, adversarial: null);
        var recorder = new RunRecorder(
            RunDirectory, Network, optimizer, new RunDescription("synthetic", "csnn", "threshold", "none", seed), settings, time);
        Loop = new TrainingLoop(
            Network, step, Slots, optimizer, rates, train, test, recorder, settings, [Recorder, .. observers ?? []], boundary);
        owned.Add(Loop);
    }

    public RunDirectory RunDirectory { get; }

    public RunSlots Slots { get; }

    public SpikingNetwork Network { get; }

    public TrainingLoop Loop { get; }

    public IterationRecorder Recorder { get; } = new();

    public float[] Parameters() => Network.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    public void Dispose()
    {
        foreach (var item in owned) item.Dispose();
    }
}

/// <summary>Records every iteration's loss and the live tensor count after it; can request a stop.</summary>
internal sealed class IterationRecorder : ITrainingObserver
{
    public List<double> Losses { get; } = [];

    public List<long> LiveTensors { get; } = [];

    public long StopAfterIteration { get; set; } = -1;

    public CancellationTokenSource Stop { get; } = new();

    public void IterationCompleted(SimulationClock clock, IterationReport report)
    {
        Losses.Add(report.Loss);
        LiveTensors.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        if (clock.GlobalIteration == StopAfterIteration) Stop.Cancel();
    }
}

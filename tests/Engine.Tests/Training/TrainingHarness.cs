using Neuromorph.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Tests.Network;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

/// <summary>Builds a tiny csnn training run on synthetic images in a temporary run directory.</summary>
internal sealed class TrainingHarness : IDisposable
{
    private readonly List<IDisposable> owned = [];

    public TrainingHarness(
        string runPath, int epochs, int trainCount = 160, int batchSize = 16, long seed = 3, long? initSeed = null,
        IIterationBoundary? boundary = null)
    {
        RunDirectory = new RunDirectory(runPath);
        manual_seed(initSeed ?? seed);
        var spec = new ModelSpec("csnn", 2, [1, SyntheticImages.Side, SyntheticImages.Side], 10, [4, 8], 16, 0.1, 0.25);
        Network = ModelCatalog.Build(spec, new ThresholdNeuron());
        var train = new BatchLoader(SyntheticImages.Create(trainCount, 1), batchSize, shuffle: true, seed);
        var test = new BatchLoader(SyntheticImages.Create(40, 2), 20, shuffle: false, seed);
        owned.AddRange([train, test, Network]);
        var optimizer = OptimizerFactory.Create(new OptimizerSettings("adam", 0.03, WeightDecay: 0), Network.parameters());
        var schedule = new LearningRateSchedule("cosine", 0.03, 1, 0.1, (long)train.BatchesPerEpoch * epochs);
        Loop = new TrainingLoop(
            Network, optimizer, new Objective(new NoDistillation()), schedule, train, test, RunDirectory,
            new RunDescription("synthetic", "csnn", "threshold", "none", seed), new TrainingSettings(epochs), [Recorder],
            boundary: boundary);
    }

    public RunDirectory RunDirectory { get; }

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

using Neuromorph.Engine.Training;

namespace Neuromorph.Engine.Tests.Training;

public sealed class TrainingLoopTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-loop-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Run_ShortTraining_LossDecreasesAndFilesAreWritten()
    {
        using var harness = new TrainingHarness(Path.Combine(root, "run"), epochs: 3);

        harness.Loop.Run(CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        var losses = harness.Recorder.Losses;
        losses.Should().HaveCount(30);
        losses.Take(5).Average().Should().BeGreaterThan(losses.TakeLast(5).Average() * 1.5, string.Join(" ", losses.Select(l => l.ToString("F2"))));
        var metrics = harness.RunDirectory.ReadMetrics();
        metrics.Select(m => m.Epoch).Should().Equal(1, 2, 3);
        metrics[^1].TrainLoss.Should().BeLessThan(metrics[0].TrainLoss);
        metrics[^1].TestAccuracyAtTimesteps.Should().HaveCount(2);
        metrics[^1].TestAccuracyAtTimesteps[^1].Should().Be(metrics[^1].TestAccuracy);
        metrics.Should().OnlyContain(m => m.DataWaitSeconds >= 0 && m.DataWaitSeconds < m.Seconds);
        metrics.Should().OnlyContain(m => m.DistillationSeconds >= 0 && m.DistillationSeconds < m.Seconds);
        var summary = harness.RunDirectory.ReadSummary()!;
        summary.Completed.Should().BeTrue();
        summary.TestAccuracy.Should().Be(metrics[^1].TestAccuracy).And.BeInRange(0.5, 1.0);
        File.Exists(harness.RunDirectory.LastCheckpointPath).Should().BeTrue();
        File.Exists(harness.RunDirectory.BestCheckpointPath).Should().BeTrue();
    }

    [Fact]
    public void Run_HundredIterations_LiveTensorCountStaysFlat()
    {
        // Ten epochs of ten iterations: a tensor kept by every iteration, or by every epoch's end (evaluation,
        // checkpoints), moves the count within them.
        using var harness = new TrainingHarness(Path.Combine(root, "flat"), epochs: 10, trainCount: 80, batchSize: 8);

        harness.Loop.Run(CancellationToken.None);

        var live = harness.Recorder.LiveTensors;
        live.Should().HaveCount(100);
        // After warm-up (optimizer state is created on the first step) the count must not move at all.
        live.Skip(10).Distinct().Should().ContainSingle($"live tensors went {string.Join(",", live.Skip(10).Distinct())}");
    }

    [Fact]
    public void Resume_AfterInterruptionMidEpoch_GivesTheSameParametersAsAnUninterruptedRun()
    {
        float[] straight;
        using (var uninterrupted = new TrainingHarness(Path.Combine(root, "straight"), epochs: 2))
        {
            uninterrupted.Loop.Run(CancellationToken.None);
            straight = uninterrupted.Parameters();
        }

        var resumedPath = Path.Combine(root, "resumed");
        using (var first = new TrainingHarness(resumedPath, epochs: 2))
        {
            first.Recorder.StopAfterIteration = 13;
            first.Loop.Run(first.Recorder.Stop.Token).Should().Be(TrainingOutcome.Interrupted);
            first.Loop.Clock.GlobalIteration.Should().Be(13);
        }
        using var second = new TrainingHarness(resumedPath, epochs: 2, initSeed: 99);
        second.Loop.Resume();
        second.Loop.Clock.Should().Be(new SimulationClock(1, 3, 13, 10, 2));
        second.Loop.Run(CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        second.Parameters().Should().Equal(straight);
        second.RunDirectory.ReadMetrics().Select(m => m.Epoch).Should().Equal(1, 2);
    }
}

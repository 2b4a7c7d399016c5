using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

/// <summary>
/// A run survives a crash at any moment: <c>last.ckpt</c> is also written every few minutes between epoch ends, a
/// failure before an iteration's optimizer step saves the last completed iteration, <c>best.ckpt</c> is repaired when
/// the process ended between writing it and <c>last.ckpt</c>; and each of these resumes bit-exactly.
/// </summary>
public sealed class RunSurvivalTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-survival-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The parameters of the two-epoch harness run straight through (160 samples, batches of 16: 20 iterations).</summary>
    private float[] Uninterrupted()
    {
        using var straight = new TrainingHarness(Path.Combine(root, "straight"), epochs: 2);
        straight.Loop.Run(CancellationToken.None).Should().Be(TrainingOutcome.Completed);
        return straight.Parameters();
    }

    [Fact]
    public void Run_CrashAfterAPeriodicCheckpoint_ResumesFromItBitExactly()
    {
        var expected = Uninterrupted();
        var path = Path.Combine(root, "crashed");
        var time = new ManualTime();
        // Ten minutes pass during iteration 7 of epoch 1: the boundary after it writes last.ckpt (mid-epoch); iteration 9
        // then dies the way a killed process does, without writing anything.
        var script = new ActAfter(7, () => time.Advance(TimeSpan.FromMinutes(10)), crashAfter: 9);
        using (var crashed = new TrainingHarness(path, epochs: 2, checkpointEvery: TimeSpan.FromMinutes(10), time: time, observers: [script]))
        {
            var run = () => crashed.Loop.Run(CancellationToken.None);
            run.Should().Throw<SimulatedCrash>();
        }
        CheckpointFile.Verify(new RunDirectory(path).LastCheckpointPath).GlobalIteration.Should().Be(7);

        using var resumed = new TrainingHarness(path, epochs: 2, initSeed: 99);
        resumed.Loop.Resume();
        resumed.Loop.Clock.Should().Be(new SimulationClock(0, 7, 7, 10, 2));
        resumed.Loop.Run(CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        resumed.Parameters().Should().Equal(expected);
        resumed.RunDirectory.ReadMetrics().Select(m => m.Epoch).Should().Equal(1, 2);
    }

    [Fact]
    public void Run_PeriodicCheckpointsOff_WritesLastOnlyAtEpochEnds()
    {
        var time = new ManualTime();
        var written = new CheckpointLog();
        var script = new ActAfter(3, () => time.Advance(TimeSpan.FromDays(1)));
        using var harness = new TrainingHarness(Path.Combine(root, "off"), epochs: 2, time: time, observers: [script, written]);

        harness.Loop.Run(CancellationToken.None);

        written.LastAtIterations.Should().Equal(10, 20);
    }

    [Fact]
    public void Run_SchemeThrowsBeforeTheOptimizerStep_SavesTheLastCompletedIterationAndResumesBitExactly()
    {
        var expected = Uninterrupted();
        var path = Path.Combine(root, "failed");
        var saved = new CheckpointLog();
        using (var failing = new TrainingHarness(path, epochs: 2, scheme: new FailingScheme(failOnCall: 13), observers: [saved]))
        {
            var run = () => failing.Loop.Run(CancellationToken.None);
            run.Should().Throw<InvalidOperationException>().WithMessage("call 13 fails on purpose");
        }
        // Call 13 is iteration 13 (epoch 2, iteration 3): 12 completed iterations are saved, batch-norm statistics as
        // they were before the failed forward pass.
        saved.Failures.Should().Equal(12L);
        CheckpointFile.Verify(new RunDirectory(path).LastCheckpointPath).GlobalIteration.Should().Be(12);

        using var resumed = new TrainingHarness(path, epochs: 2, initSeed: 99);
        resumed.Loop.Resume();
        resumed.Loop.Run(CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        resumed.Parameters().Should().Equal(expected);
    }

    [Fact]
    public void Resume_BestCheckpointMissingOrUnreadableAfterItsEpoch_IsRepairedFromLast()
    {
        var path = Path.Combine(root, "best");
        using (var first = new TrainingHarness(path, epochs: 1))
            first.Loop.Run(CancellationToken.None);
        var directory = new RunDirectory(path);
        var last = File.ReadAllBytes(directory.LastCheckpointPath);
        foreach (var damage in new Action[] { () => File.Delete(directory.BestCheckpointPath), () => File.WriteAllBytes(directory.BestCheckpointPath, last[..100]) })
        {
            damage();

            using var resumed = new TrainingHarness(path, epochs: 1);
            resumed.Loop.Resume();

            File.ReadAllBytes(directory.BestCheckpointPath).Should().Equal(last, "the epoch of last.ckpt is its best, so best.ckpt must hold it");
        }
    }

    [Fact]
    public void Resume_BestFromAnEarlierBestEpoch_IsLeftAsItIs()
    {
        var path = Path.Combine(root, "earlier");
        using (var first = new TrainingHarness(path, epochs: 2))
            first.Loop.Run(CancellationToken.None);
        var directory = new RunDirectory(path);
        var header = CheckpointFile.Verify(directory.LastCheckpointPath);
        var best = File.ReadAllBytes(directory.BestCheckpointPath);

        using var resumed = new TrainingHarness(path, epochs: 2);
        resumed.Loop.Resume();

        File.ReadAllBytes(directory.BestCheckpointPath).Should().Equal(best);
        CheckpointFile.Verify(directory.BestCheckpointPath).Epoch.Should().Be(header.BestEpoch);
    }

    [Fact]
    public void RemoveTemporaryFiles_LeftoversOfAKilledWriter_AreDeletedAndRunFilesKept()
    {
        var directory = new RunDirectory(Path.Combine(root, "leftovers"));
        Directory.CreateDirectory(directory.CheckpointsPath);
        Directory.CreateDirectory(directory.TensorBoardPath);
        var leftovers = new[]
        {
            Path.Combine(directory.CheckpointsPath, ".last.ckpt.4242.tmp"), Path.Combine(directory.Path, ".metrics.jsonl.4242.1.tmp"),
            Path.Combine(directory.TensorBoardPath, ".trim.4242.tmp"),
        };
        foreach (var file in leftovers) File.WriteAllText(file, "partial");
        File.WriteAllText(directory.MetricsPath, "");
        var eventFile = Path.Combine(directory.TensorBoardPath, "events.out.tfevents.1.host.4242.1");
        File.WriteAllText(eventFile, "");

        directory.RemoveTemporaryFiles();

        leftovers.Should().OnlyContain(file => !File.Exists(file));
        File.Exists(directory.MetricsPath).Should().BeTrue();
        File.Exists(eventFile).Should().BeTrue();
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }

    private sealed class SimulatedCrash() : Exception("the process dies here");

    /// <summary>Runs an action after one iteration; optionally dies after another, writing nothing (like kill -9).</summary>
    private sealed class ActAfter(long iteration, Action action, long crashAfter = -1) : ITrainingObserver
    {
        public void IterationCompleted(SimulationClock clock, IterationReport report)
        {
            if (clock.GlobalIteration == iteration) action();
            if (clock.GlobalIteration == crashAfter) throw new SimulatedCrash();
        }
    }

    /// <summary>Where each <c>last.ckpt</c> was written and where failures were saved, by global iteration.</summary>
    private sealed class CheckpointLog : ITrainingObserver
    {
        public List<long> LastAtIterations { get; } = [];

        public List<long> Failures { get; } = [];

        public void CheckpointWritten(string path, SimulationClock clock)
        {
            if (Path.GetFileName(path) == "last.ckpt") LastAtIterations.Add(clock.GlobalIteration);
        }

        public void SavedAfterFailure(SimulationClock clock, Exception failure) => Failures.Add(clock.GlobalIteration);
    }

    /// <summary>Adds nothing to the loss; throws on one call (counting from 1), as a plugin with a late bug does.</summary>
    private sealed class FailingScheme(int failOnCall) : IDistillationScheme
    {
        private int calls;

        public DistillationTerm Compute(Tensor timestepLogits, Tensor? labels)
        {
            if (++calls == failOnCall) throw new InvalidOperationException($"call {calls} fails on purpose");
            return new DistillationTerm(zeros([], timestepLogits.dtype, timestepLogits.device), new Dictionary<string, Diagnostic>());
        }
    }
}

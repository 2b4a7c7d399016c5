using Neuromorph.Engine.Training;

namespace Neuromorph.Engine.Tests.Training;

public sealed class RunDiagnosticsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-diagnostics-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    // Two epochs of 10 iterations (160 samples, batches of 16): calls i = 0..9, then 10..19.
    //   chosen (Sum, one-hot at 0 when i % 3 == 0): epoch 1 has i = 0, 3, 6, 9 -> [4, 6];
    //     epoch 2 has i = 12, 15, 18 -> [3, 7]; the run [7, 13].
    //   iteration (Mean of i): epoch 1 4.5, epoch 2 14.5; the run (0 + ... + 19) / 20 = 9.5.
    //   constant (Mean of 0.25): 0.25 everywhere.
    [Fact]
    public void Run_SummaryCarriesTheRunsDiagnosticsAndEachEpochItsOwn()
    {
        var scheme = new ScriptedDiagnosticsScheme();
        var runDirectory = new RunDirectory(Path.Combine(root, "straight"));

        RunLoop(runDirectory, scheme, resume: false, CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        scheme.Calls.Should().Be(20);
        var metrics = runDirectory.ReadMetrics();
        metrics.Select(m => m.Iterations).Should().Equal(10, 10);
        metrics[0].Diagnostics["chosen"].Should().Equal(4, 6);
        metrics[1].Diagnostics["chosen"].Should().Equal(3, 7);
        metrics[0].Diagnostics["iteration"].Should().Equal(4.5);
        metrics[1].Diagnostics["iteration"].Should().Equal(14.5);
        metrics[1].DiagnosticAggregations.Should().Contain("chosen", "sum").And.Contain("iteration", "mean");
        AssertRunFigures(runDirectory.ReadSummary()!.Diagnostics);
    }

    [Fact]
    public void Resume_AfterInterruptionMidEpoch_SummaryHasTheSameRunFigures()
    {
        var scheme = new ScriptedDiagnosticsScheme();
        var runDirectory = new RunDirectory(Path.Combine(root, "resumed"));
        using var stop = new CancellationTokenSource();
        var stopAfterThirteen = new StopAfter(13, stop);

        RunLoop(runDirectory, scheme, resume: false, stop.Token, stopAfterThirteen).Should().Be(TrainingOutcome.Interrupted);
        // Interrupted in epoch 2: only epoch 1 is finished, so the run so far is epoch 1.
        var partial = runDirectory.ReadSummary()!.Diagnostics;
        partial["chosen"].Should().Equal(4, 6);
        partial["iteration"].Should().Equal(4.5);

        RunLoop(runDirectory, scheme, resume: true, CancellationToken.None).Should().Be(TrainingOutcome.Completed);

        scheme.Calls.Should().Be(20);
        AssertRunFigures(runDirectory.ReadSummary()!.Diagnostics);
    }

    [Fact]
    public void Fold_EpochsOfDifferentLengths_WeighsMeansByIterations()
    {
        var sum = new Dictionary<string, string> { ["chosen"] = "sum", ["loss"] = "mean" };
        EpochMetrics Epoch(int number, int iterations, double[] chosen, double loss) =>
            new(number, 0, 0, 0, [], 0, 0, 0, new Dictionary<string, double[]> { ["chosen"] = chosen, ["loss"] = [loss] })
            { Iterations = iterations, DiagnosticAggregations = sum };

        var run = RunDiagnostics.Fold([Epoch(1, 10, [2, 8], 2.0), Epoch(2, 5, [5, 0], 5.0)]);

        run["chosen"].Should().Equal(7, 8);
        run["loss"].Should().Equal((2.0 * 10 + 5.0 * 5) / 15); // 3, not the mean of epoch means 3.5
    }

    private static void AssertRunFigures(IReadOnlyDictionary<string, double[]> diagnostics)
    {
        diagnostics["chosen"].Should().Equal(7, 13);
        diagnostics["iteration"].Should().ContainSingle().Which.Should().BeApproximately(9.5, 1e-12);
        diagnostics["constant"].Should().ContainSingle().Which.Should().BeApproximately(0.25, 1e-12);
    }

    private static TrainingOutcome RunLoop(
        RunDirectory runDirectory, ScriptedDiagnosticsScheme scheme, bool resume, CancellationToken stopping, ITrainingObserver? observer = null)
    {
        using var harness = new TrainingHarness(
            runDirectory.Path, epochs: 2, seed: 5, scheme: scheme, schedule: "constant", testCount: 20, observers: observer is null ? [] : [observer]);
        if (resume) harness.Loop.Resume();
        return harness.Loop.Run(stopping);
    }

    /// <summary>Requests a stop once the given number of iterations has run.</summary>
    private sealed class StopAfter(long iterations, CancellationTokenSource stop) : ITrainingObserver
    {
        public void IterationCompleted(SimulationClock clock, IterationReport report)
        {
            if (clock.GlobalIteration == iterations) stop.Cancel();
        }
    }
}

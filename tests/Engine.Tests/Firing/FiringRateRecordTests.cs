using System.Text.Json;
using Neuromorph.Data;
using Neuromorph.Engine.Tests.Training;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Firing;

/// <summary>Training and test firing rates in <c>metrics.jsonl</c>, <c>summary.json</c> and across a resume.</summary>
public sealed class FiringRateRecordTests : IDisposable
{
    private static readonly string[] CsnnLayers = ["spike1", "spike2", "spike3"];
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-firing-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Run_TwoEpochs_WritesEachEpochsRatesAndTheLastOnesInTheSummary()
    {
        using var harness = new TrainingHarness(Path.Combine(root, "run"), epochs: 2);

        harness.Loop.Run(CancellationToken.None);

        var metrics = harness.RunDirectory.ReadMetrics();
        foreach (var epoch in metrics)
            foreach (var rates in new[] { epoch.FiringRates, epoch.TestFiringRates })
            {
                rates.Keys.Should().Equal(CsnnLayers);
                rates.Values.Should().OnlyContain(perTimestep => perTimestep.Length == 2 && perTimestep.All(rate => rate >= 0 && rate <= 1));
            }
        metrics[1].FiringRates.Values.Sum(rates => rates.Sum()).Should().BePositive();
        metrics[0].FiringRates["spike1"].Should().NotEqual(metrics[1].FiringRates["spike1"], "each epoch has its own rates");
        var line = JsonDocument.Parse(File.ReadLines(harness.RunDirectory.MetricsPath).Last()).RootElement;
        line.GetProperty("firing_rates").GetProperty("spike1").GetArrayLength().Should().Be(2);
        line.GetProperty("test_firing_rates").GetProperty("spike3").GetArrayLength().Should().Be(2);
        var summary = harness.RunDirectory.ReadSummary()!;
        summary.FiringRates.Should().BeEquivalentTo(metrics[1].FiringRates, o => o.WithStrictOrdering());
        summary.TestFiringRates.Should().BeEquivalentTo(metrics[1].TestFiringRates, o => o.WithStrictOrdering());
        // The last epoch's test rates are those of the trained network on the test set, evaluated again here.
        using var test = new BatchLoader(SyntheticImages.Create(40, 2), 20, shuffle: false, 3);
        Evaluator.Evaluate(harness.Network, test).Firing.Rates().Should().BeEquivalentTo(metrics[1].TestFiringRates);
    }

    [Fact]
    public void Resume_AfterInterruptionMidEpoch_ReportsTheRatesOfAnUninterruptedRun()
    {
        IReadOnlyList<EpochMetrics> straight;
        using (var uninterrupted = new TrainingHarness(Path.Combine(root, "straight"), epochs: 2))
        {
            uninterrupted.Loop.Run(CancellationToken.None);
            straight = uninterrupted.RunDirectory.ReadMetrics();
        }

        var resumedPath = Path.Combine(root, "resumed");
        using (var first = new TrainingHarness(resumedPath, epochs: 2))
        {
            first.Recorder.StopAfterIteration = 13;
            first.Loop.Run(first.Recorder.Stop.Token).Should().Be(TrainingOutcome.Interrupted);
        }
        using var second = new TrainingHarness(resumedPath, epochs: 2, initSeed: 99);
        second.Loop.Resume();
        second.Loop.Run(CancellationToken.None);

        // Epoch 2 was cut after 3 of its 10 iterations: its first 3 iterations' spikes came back from the checkpoint.
        var resumed = second.RunDirectory.ReadMetrics();
        resumed[1].FiringRates.Should().BeEquivalentTo(straight[1].FiringRates, o => o.WithStrictOrdering());
        resumed[1].TestFiringRates.Should().BeEquivalentTo(straight[1].TestFiringRates, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Evaluate_Repeated_KeepsTheLiveTensorCountFlat()
    {
        using var harness = new TrainingHarness(Path.Combine(root, "evaluate"), epochs: 1);
        using var test = new BatchLoader(SyntheticImages.Create(40, 2), 20, shuffle: false, 3);

        Evaluator.Evaluate(harness.Network, test);
        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Evaluator.Evaluate(harness.Network, test);
        Evaluator.Evaluate(harness.Network, test);

        TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }
}

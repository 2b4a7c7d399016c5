using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// Firing rates and synaptic operations of a tiny trained run (csnn with 4 and 8 channels and 32 hidden units on 28×28
/// images, T = 2; see <see cref="CliRun.TinyTraining"/>), through <c>train</c> and <c>eval</c>.
/// </summary>
public sealed class FiringRateCommandTests(TrainedTinyRun trained) : IClassFixture<TrainedTinyRun>
{
    private static readonly string[] Layers = ["spike1", "spike2", "spike3"];

    // Neurons per sample: 4 channels at 28×28, 8 at 14×14 (after 2×2 pooling), 32 hidden units.
    private static readonly Dictionary<string, double> Neurons = new() { ["spike1"] = 4 * 28 * 28, ["spike2"] = 8 * 14 * 14, ["spike3"] = 32 };

    // Fan-out: spike1 → conv2 (8 channels, 3×3), spike2 → fc1 (32 units), spike3 → fc2 (10 classes).
    private static readonly Dictionary<string, double> FanOut = new() { ["spike1"] = 8 * 9, ["spike2"] = 32, ["spike3"] = 10 };

    [Fact]
    public void Train_TinyRun_RecordsEveryEpochsRatesAndShowsTheirMean()
    {
        var metrics = File.ReadAllLines(Path.Combine(trained.RunDir, "metrics.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "summary.json"))).RootElement;

        metrics.Should().HaveCount(2);
        foreach (var epoch in metrics)
            foreach (var key in new[] { "firing_rates", "test_firing_rates" })
            {
                var rates = Rates(epoch.GetProperty(key));
                rates.Keys.Should().Equal(Layers);
                rates.Values.Should().OnlyContain(perTimestep => perTimestep.Length == 2 && perTimestep.All(rate => rate >= 0 && rate <= 1), key);
            }
        Rates(summary.GetProperty("firing_rates")).Should().BeEquivalentTo(Rates(metrics[1].GetProperty("firing_rates")));
        Rates(summary.GetProperty("test_firing_rates")).Should().BeEquivalentTo(Rates(metrics[1].GetProperty("test_firing_rates")));
        var mean = Rates(metrics[1].GetProperty("firing_rates")).Values.Average(perTimestep => perTimestep.Average());
        trained.Training.Output.Should().Contain($"epoch 2 done: ").And.Contain($"firing rate {mean:F4} (test ");
    }

    [Fact]
    public async Task Eval_TinyRun_ReportsRatesAndSynOpsOfEveryLayer()
    {
        var run = await CliRun.RunAsync("eval", trained.RunDir);

        run.ExitCode.Should().Be(0, run.Error);
        var evaluation = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "evaluation.json"))).RootElement;
        var rates = Rates(evaluation.GetProperty("test_firing_rates"));
        rates.Keys.Should().Equal(Layers);
        Numbers(evaluation.GetProperty("fan_out")).Should().Equal(FanOut);
        var byLayer = Numbers(evaluation.GetProperty("synops_per_sample_by_layer"));
        foreach (var layer in Layers)
        {
            // A sample's spikes: the rate at each timestep × the layer's neurons, summed over T; each reaches fan-out synapses.
            var expected = rates[layer].Sum() * Neurons[layer] * FanOut[layer];
            byLayer[layer].Should().BeApproximately(expected, expected * 1e-12, layer);
        }
        evaluation.GetProperty("synops_per_sample").GetDouble().Should().BeApproximately(byLayer.Values.Sum(), 1e-6).And.BePositive();
        // The training-time evaluation of the epoch that wrote best.ckpt measured the same spikes.
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "summary.json"))).RootElement;
        var bestEpoch = summary.GetProperty("best_epoch").GetInt32();
        var metrics = JsonDocument.Parse(File.ReadAllLines(Path.Combine(trained.RunDir, "metrics.jsonl"))[bestEpoch - 1]).RootElement;
        rates.Should().BeEquivalentTo(Rates(metrics.GetProperty("test_firing_rates")));
        run.Output.Should().Contain("firing rates on the test set").And.MatchRegex(@"\n  spike1 +0\.\d{4}  0\.\d{4}  0\.\d{4}  +72 ");
        run.Output.Should().Contain("total");
    }

    [Fact]
    public async Task Eval_OneTimestep_MeasuresOnlyTheFirstTimestep()
    {
        var full = await CliRun.RunAsync("eval", trained.RunDir);
        var low = await CliRun.RunAsync("eval", trained.RunDir, "--timesteps", "1");

        full.ExitCode.Should().Be(0, full.Error);
        low.ExitCode.Should().Be(0, low.Error);
        var all = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "evaluation.json"))).RootElement;
        var first = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "evaluation-t1.json"))).RootElement;
        var allRates = Rates(all.GetProperty("test_firing_rates"));
        var firstRates = Rates(first.GetProperty("test_firing_rates"));
        foreach (var layer in Layers)
            firstRates[layer].Should().Equal([allRates[layer][0]], $"the network is causal: {layer}'s first timestep does not depend on T");
        first.GetProperty("synops_per_sample").GetDouble().Should().BeLessThan(all.GetProperty("synops_per_sample").GetDouble());
    }

    private static Dictionary<string, double[]> Rates(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray());

    private static Dictionary<string, double> Numbers(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
}

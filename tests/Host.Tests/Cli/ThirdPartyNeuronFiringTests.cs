using System.Text.Json;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// A neuron plugin built out of tree (fixture-lif, which knows nothing of firing rates) is measured like the bundled
/// ones: its spikes are counted by the spiking layers that run it.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class ThirdPartyNeuronFiringTests(FixturePluginBuild build) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-third-party-neuron-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Train_NeuronFromAPluginDirectory_HasItsFiringRatesRecorded()
    {
        var config = CliRun.WriteConfig(root, $"""
            [run]
            name = "third-party-neuron"
            [neuron]
            plugin = "fixture-lif"
            [plugins]
            directories = ["{build.NeuronFolder}"]
            """);
        var runDir = Path.Combine(root, "run");

        var run = await CliRun.RunAsync(["train", config, "--run-dir", runDir, .. CliRun.TinyEpoch]);

        run.ExitCode.Should().Be(0, run.Error);
        var metrics = JsonDocument.Parse(File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl"))[0]).RootElement;
        foreach (var key in new[] { "firing_rates", "test_firing_rates" })
        {
            var rates = metrics.GetProperty(key).EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray());
            rates.Keys.Should().Equal("spike1", "spike2", "spike3");
            rates.Values.Should().OnlyContain(perTimestep => perTimestep.Length == 2 && perTimestep.All(rate => rate >= 0 && rate <= 1), key);
            rates.Values.Sum(perTimestep => perTimestep.Sum()).Should().BePositive(key);
        }
    }
}

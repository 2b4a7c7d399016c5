using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins;
using static TorchSharp.torch;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>
/// <c>train</c> with <c>[plugins] hot_reload = true</c> and the fixture-lif neuron (LIF, τ = 2, threshold 1 / revision),
/// rebuilt with another threshold into the watched folder mid-run (real builds, real loads). Tiny training, one epoch:
/// 40 iterations.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class NeuronHotReloadTests(FixturePluginBuild build) : IDisposable
{
    private const int SwapAfter = 10;
    private const int Iterations = 40;
    private readonly TemporaryDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Train_NeuronRebuiltMidRun_EveryLayerRunsTheNewVersionWithTheParametersCarriedOver()
    {
        var plugin = root.CopyFolder(build.NeuronFolder, "plugins/FixtureNeuron");
        var versions = new Dictionary<long, string>();
        float[]? spikesBefore = null, spikesAfter = null;
        var script = new ScriptedRun();
        for (var iteration = 1; iteration <= Iterations; iteration++)
        {
            var at = iteration;
            script.After(at, experiment => versions[at] = LayerVersions(experiment));
        }
        script.After(5, experiment => spikesBefore = SpikesForConstantInput(experiment))
            .After(SwapAfter, _ =>
            {
                var (succeeded, output) = build.Rebuild(
                    FixturePluginBuild.NeuronProject, plugin, new Dictionary<string, string> { ["FixtureRevision"] = "2" });
                succeeded.Should().BeTrue(output);
                script.WaitForChange();
            })
            .After(20, experiment => spikesAfter = SpikesForConstantInput(experiment));
        var config = CliRun.WriteConfig(root.Path, $"""
            [run]
            name = "neuron-hot-reload"
            [neuron]
            plugin = "fixture-lif"
            [plugins]
            directories = ["{Path.Combine(root.Path, "plugins")}"]
            hot_reload = true
            """);
        var runDir = Path.Combine(root.Path, "run");

        var code = await script.RunAsync(config, runDir, ScriptedRun.TinyEpoch);

        code.Should().Be(0, script.Output);
        // Versions in the layers after each iteration: the swap lands at boundary 10, iteration 11 runs the new
        // version on trial (behind the host's wrapper), and from boundary 11 on it is the layers' own.
        versions.Where(v => v.Key <= SwapAfter).Should().OnlyContain(v => v.Value == "1.0.1.0");
        versions[SwapAfter + 1].Should().Be("on trial");
        versions.Where(v => v.Key > SwapAfter + 1).Should().OnlyContain(v => v.Value == "1.0.2.0");
        // τ = 2 and input 0.8 at T = 2: H(1) = 0.4, then V = 0.4 and H(2) = 0.4 + (0.8 − 0.4)/2 = 0.6, which reaches the
        // new threshold 0.5 but not the old threshold 1.
        spikesBefore.Should().Equal(0f, 0f);
        spikesAfter.Should().Equal(0f, 1f);
        var reload = new RunDirectory(runDir).ReadMetrics().Single().PluginReloads.Should().ContainSingle().Subject;
        reload.Should().BeEquivalentTo(new
        {
            Iteration = (long)SwapAfter, Plugin = "fixture-lif", Kind = "neuron model", Outcome = PluginReload.Applied,
        });
        reload.Old.Should().StartWith("1.0.1");
        reload.New.Should().StartWith("1.0.2");
        script.Output.Should().Contain($"hot reload after iteration {SwapAfter}: neuron model 'fixture-lif' 1.0.1");
        ScriptedRun.IsUnloaded("FixtureNeuron", "1.0.1").Should().BeTrue("the replaced version, kept to fall back on, is unloaded when the run ends");
    }

    /// <summary>
    /// The assembly version of the neuron model the layers run (they all call the run's neuron slot), or "on trial"
    /// while a new version is on trial.
    /// </summary>
    private static string LayerVersions(Experiment experiment)
    {
        if (experiment.PluginSlots.Single(slot => slot.Kind == Host.Plugins.PluginKind.Neuron).OnTrial is not null) return "on trial";
        var inForce = ((Host.Plugins.Guards.GuardedNeuron)experiment.Slots.Neuron).Guard.InForce;
        experiment.Network.NeuronLayers.Should().OnlyContain(layer => ReferenceEquals(layer.Model, experiment.Slots.NeuronModel));
        return inForce.GetType().Assembly.GetName().Version!.ToString();
    }

    private static float[] SpikesForConstantInput(Experiment experiment)
    {
        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        return experiment.Network.NeuronLayers[0].Model.Run(full([2, 1], 0.8f)).data<float>().ToArray();
    }
}

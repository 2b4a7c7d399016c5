using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins;
using static TorchSharp.torch;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>
/// <c>train</c> with adversarial training by the fixture-nudge attack (inputs + 0.01 · revision) and
/// <c>[plugins] hot_reload = true</c>, rebuilt mid-run into the watched folder (real builds, real loads). Tiny
/// training, one epoch: 40 iterations.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class AttackHotReloadTests(FixturePluginBuild build) : IDisposable
{
    private readonly TemporaryDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Train_AttackRebuiltMidRun_IsSwappedAndAVersionThatThrowsOnItsFirstCallIsRefused()
    {
        var plugin = root.CopyFolder(build.AttackFolder, "plugins/FixtureAttack");
        var nudges = new Dictionary<long, float>();
        var unloaded = new List<bool>();
        var script = new ScriptedRun();
        script.After(5, experiment => nudges[5] = Nudge(experiment))
            .After(10, _ => RebuildAndWait(script, plugin, ("FixtureRevision", "2")))
            .After(15, experiment =>
            {
                nudges[15] = Nudge(experiment);
            })
            .After(20, _ => RebuildAndWait(script, plugin, ("FixtureRevision", "3"), ("FixtureFault", "every-call")))
            .After(25, experiment =>
            {
                nudges[25] = Nudge(experiment);
                unloaded.Add(ScriptedRun.IsUnloaded("FixtureAttack", "3.0.3"));
            });
        var config = CliRun.WriteConfig(root.Path, $"""
            [run]
            name = "attack-hot-reload"
            [adversarial_training]
            attack = "fixture-nudge"
            fraction = 0.5
            [plugins]
            directories = ["{Path.Combine(root.Path, "plugins")}"]
            hot_reload = true
            """);
        var runDir = Path.Combine(root.Path, "run");

        var code = await script.RunAsync(config, runDir, ScriptedRun.TinyEpoch);

        code.Should().Be(0, script.Output);
        // Revision 1 adds 0.01, revision 2 adds 0.02; revision 3 never takes over.
        nudges[5].Should().BeApproximately(0.01f, 1e-6f);
        nudges[15].Should().BeApproximately(0.02f, 1e-6f);
        nudges[25].Should().BeApproximately(0.02f, 1e-6f);
        var reloads = new RunDirectory(runDir).ReadMetrics().Single().PluginReloads;
        reloads.Select(r => (r.Iteration, r.Plugin, r.Kind, r.Outcome)).Should().Equal(
            (10L, "fixture-nudge", "adversarial attack", PluginReload.Applied),
            (20L, "fixture-nudge", "adversarial attack", PluginReload.Refused));
        (reloads[0].Old, reloads[0].New, reloads[1].Old, reloads[1].New).Should().Match<(string, string, string, string)>(
            versions => versions.Item1.StartsWith("3.0.1") && versions.Item2.StartsWith("3.0.2") &&
                        versions.Item3.StartsWith("3.0.2") && versions.Item4.StartsWith("3.0.3"));
        reloads[1].Reason.Should().Contain("threw on its first call").And.Contain("fails on call 1 on purpose");
        unloaded.Should().Equal([true], "the refused version is unloaded at once");
        ScriptedRun.IsUnloaded("FixtureAttack", "3.0.1").Should().BeTrue("the replaced version, kept to fall back on, is unloaded when the run ends");
    }

    /// <summary>What the attack in use adds to an input of zeros.</summary>
    private static float Nudge(Experiment experiment)
    {
        using var scope = NewDisposeScope();
        var attack = experiment.Slots.Attack!.Attack;
        return attack.Perturb(null!, zeros(1, 1, 2, 2), zeros(1, dtype: ScalarType.Int64)).max().item<float>();
    }

    private void RebuildAndWait(ScriptedRun script, string folder, params (string Name, string Value)[] knobs)
    {
        var (succeeded, output) = build.Rebuild(FixturePluginBuild.AttackProject, folder, knobs.ToDictionary(knob => knob.Name, knob => knob.Value));
        succeeded.Should().BeTrue(output);
        script.WaitForChange();
    }
}

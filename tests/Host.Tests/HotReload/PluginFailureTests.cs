using Neuromorph.Engine.Training;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>
/// A plugin that throws after it passed its trial (on its 20th call) never kills a run silently: with hot reload the
/// version it replaced (still loaded) takes over and the swap is recorded as rolled back; without a previous version
/// the run saves the last completed iteration and ends with exit code 1 and a message naming the plugin and its file.
/// Tiny training, one epoch of 40 iterations; the fixture scheme is called once per iteration (and once by the probe).
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class PluginFailureTests(FixturePluginBuild build) : IDisposable
{
    private readonly TemporaryDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Train_AppliedVersionThrowsOnItsTwentiethCall_IsRolledBackAndTheRunCompletes()
    {
        const int swapAfter = 5;
        var plugin = root.CopyFolder(build.SchemeFolder, "plugins/FixtureScheme");
        var script = new ScriptedRun();
        script.After(swapAfter, _ =>
        {
            var (succeeded, output) = build.Rebuild(
                FixturePluginBuild.SchemeProject, plugin, new Dictionary<string, string> { ["FixtureRevision"] = "2", ["FixtureFault"] = "late" });
            succeeded.Should().BeTrue(output);
            script.WaitForChange();
        });
        var runDir = Path.Combine(root.Path, "run");

        var code = await script.RunAsync(WriteConfig(hotReload: true), runDir, ScriptedRun.TinyEpoch);

        code.Should().Be(0, script.Output);
        // The probe is call 1 of revision 2, iterations 6..24 are calls 2..20: call 20 (iteration 24) throws and is
        // redone by revision 1, which runs every iteration from there on.
        var metrics = new RunDirectory(runDir).ReadMetrics().Single();
        metrics.Diagnostics["revision"].Should().Equal((5 * 1.0 + 18 * 2.0 + 17 * 1.0) / 40);
        metrics.PluginReloads.Select(r => (r.Iteration, r.Outcome)).Should().Equal((5L, PluginReload.Applied), (24L, PluginReload.RolledBack));
        var rollBack = metrics.PluginReloads[1];
        rollBack.Old.Should().StartWith("2.3.5");
        rollBack.New.Should().StartWith("2.3.4");
        // Its probe was call 1, so the 20th call of the plugin is its 19th in training.
        rollBack.Reason.Should().Contain("threw on its 19th call in training").And.Contain("fails on call 20 on purpose");
        script.Output.Should().Contain("hot reload after iteration 24: distillation scheme 'fixture-scale' 2.3.5")
            .And.Contain("rolled back, the new distillation scheme 'fixture-scale' threw on its 19th call in training");
        ScriptedRun.IsUnloaded("FixtureScheme", "2.3.5").Should().BeTrue("the version rolled back from is unloaded");
    }

    [Fact]
    public async Task Train_PluginThrowsWithNoPreviousVersion_SavesTheLastIterationAndExits1NamingIt()
    {
        var plugin = root.CopyFolder(build.SchemeFolder, "plugins/FixtureScheme");
        var (succeeded, buildOutput) = build.Rebuild(
            FixturePluginBuild.SchemeProject, plugin, new Dictionary<string, string> { ["FixtureFault"] = "late" });
        succeeded.Should().BeTrue(buildOutput);
        var runDir = Path.Combine(root.Path, "run");

        var run = await CliRun.RunAsync(["train", WriteConfig(hotReload: false), "--run-dir", runDir, .. CliRun.TinyEpoch]);

        run.ExitCode.Should().Be(ExitCodes.RuntimeFailure);
        var assembly = Path.Combine(plugin, "FixtureScheme.dll");
        run.Error.Should().Contain($"error: distillation scheme 'fixture-scale' ({assembly}) threw InvalidOperationException: " +
                                   "fixture-scale revision 1 fails on call 20 on purpose.");
        run.Error.Should().NotContain("   at ", "no stack trace without --verbose");
        // Calls 1..19 were iterations 1..19; call 20 failed in iteration 20, so 19 completed iterations were saved.
        run.Output.Should().Contain("saved: checkpoints/last.ckpt holds the run after iteration 19 (epoch 1, iteration 19 of 40)");
        CheckpointFile.Verify(new RunDirectory(runDir).LastCheckpointPath).GlobalIteration.Should().Be(19);

        var verbose = await CliRun.RunAsync(["train", WriteConfig(hotReload: false), "--run-dir", runDir, "--resume", "--verbose", .. CliRun.TinyEpoch]);
        verbose.ExitCode.Should().Be(ExitCodes.RuntimeFailure);
        verbose.Error.Should().Contain("   at ", "--verbose prints the stack trace");
    }

    private string WriteConfig(bool hotReload) => CliRun.WriteConfig(Path.Combine(root.Path, hotReload ? "hot" : "plain"), $"""
        [run]
        name = "plugin-failure"
        [distillation]
        scheme = "fixture-scale"
        factor = 0.25
        [plugins]
        directories = ["{Path.Combine(root.Path, "plugins")}"]
        hot_reload = {(hotReload ? "true" : "false")}
        """);
}

using System.Security.Cryptography;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>
/// <c>train</c> with <c>[plugins] hot_reload = true</c> and the fixture-scale scheme, rebuilt into the watched folder
/// while the run is going (real builds, real loads). The fixture's loss, <c>0.25 · mean(logits)</c>, is the same in
/// every revision; only its <c>revision</c> diagnostic tells which build computed an iteration. One tiny epoch
/// (<see cref="CliRun.TinyEpoch"/>): 320 samples in batches of 8 are 40 iterations.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class SchemeHotReloadTests(FixturePluginBuild build) : IDisposable
{
    private const int IterationsPerEpoch = 40;
    private readonly TemporaryDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Train_SchemeRebuiltMidRun_LaterIterationsUseTheNewVersionAndTheRunCarriesOnUnchanged()
    {
        const int swapAfter = 25;
        var plugin = root.CopyFolder(build.SchemeFolder, "plugins/FixtureScheme");
        var assembly = Path.Combine(plugin, "FixtureScheme.dll");
        var oldHash = Sha256(assembly);
        var reference = await CliRun.RunAsync(
            ["train", WriteConfig(hotReload: false), "--run-dir", Path.Combine(root.Path, "reference"), .. CliRun.TinyEpoch]);
        reference.ExitCode.Should().Be(0, reference.Error);

        var script = new ScriptedRun();
        script.After(swapAfter, _ =>
        {
            Rebuild(plugin, ("FixtureRevision", "2")).Succeeded.Should().BeTrue();
            script.WaitForChange();
        });
        var runDir = Path.Combine(root.Path, "run");
        var code = await script.RunAsync(WriteConfig(hotReload: true), runDir, ScriptedRun.TinyEpoch);

        code.Should().Be(0, script.Output);
        var newHash = Sha256(assembly);
        var metrics = new Engine.Training.RunDirectory(runDir).ReadMetrics();
        // Iterations 1..25 ran revision 1, 26..40 revision 2 (the first of them on trial): the epoch's mean revision.
        metrics.Single().Diagnostics["revision"].Should().Equal((swapAfter * 1.0 + (IterationsPerEpoch - swapAfter) * 2.0) / IterationsPerEpoch);
        var reload = metrics[0].PluginReloads.Should().ContainSingle().Subject;
        reload.Should().BeEquivalentTo(new
        {
            Iteration = (long)swapAfter, Plugin = "fixture-scale", Kind = "distillation scheme", Outcome = PluginReload.Applied,
            Reason = (string?)null, File = assembly,
        });
        reload.Old.Should().StartWith("2.3.4").And.EndWith($"(sha256 {oldHash[..8]})");
        reload.New.Should().StartWith("2.3.5").And.EndWith($"(sha256 {newHash[..8]})");
        script.Output.Should().Contain($"hot reload after iteration {swapAfter}: distillation scheme 'fixture-scale' 2.3.4")
            .And.Contain($"(sha256 {oldHash[..8]}) -> 2.3.5").And.Contain($"(sha256 {newHash[..8]}): applied");

        // Nothing but the scheme changed: (the loss being the same in both revisions) the run matches the one without a
        // swap exactly.
        var expected = new Engine.Training.RunDirectory(Path.Combine(root.Path, "reference")).ReadMetrics();
        metrics.Select(m => (m.TrainLoss, m.TrainAccuracy, m.TestAccuracy, m.Diagnostics["mean_logit"][0]))
            .Should().Equal(expected.Select(m => (m.TrainLoss, m.TrainAccuracy, m.TestAccuracy, m.Diagnostics["mean_logit"][0])));
        ScriptedRun.IsUnloaded("FixtureScheme", "2.3.4").Should().BeTrue("the replaced version, kept to fall back on, is unloaded when the run ends");
        ScriptedRun.IsUnloaded("FixtureScheme", "2.3.5").Should().BeTrue("nothing keeps the version in use alive after the run");
    }

    [Fact]
    public async Task Train_BrokenRebuilds_AreRefusedWithTheReasonAndTheOldVersionKeepsRunning()
    {
        var plugin = root.CopyFolder(build.SchemeFolder, "plugins/FixtureScheme");
        var assembly = Path.Combine(plugin, "FixtureScheme.dll");
        var unloaded = new List<bool>();
        var script = new ScriptedRun();
        script.After(5, _ => Rebuild(plugin, ("FixtureBroken", "true")).Succeeded.Should().BeFalse("the build has a compile error"))
            .After(10, _ => RebuildAndWait(script, plugin, ("FixtureRevision", "2"), ("FixtureFault", "constructor")))
            .After(20, _ => RebuildAndWait(script, plugin, ("FixtureRevision", "3"), ("FixtureFault", "after-probe")))
            .After(25, _ =>
            {
                File.Copy(Path.Combine(build.OldContractFolder, "FixtureOldContract.dll"), assembly, overwrite: true);
                script.WaitForChange();
            })
            .After(30, _ =>
            {
                File.WriteAllText(assembly, "not an assembly");
                script.WaitForChange();
            })
            .After(35, _ => unloaded.AddRange([ScriptedRun.IsUnloaded("FixtureScheme", "2.3.5"), ScriptedRun.IsUnloaded("FixtureScheme", "2.3.6")]));
        var runDir = Path.Combine(root.Path, "run");

        var code = await script.RunAsync(WriteConfig(hotReload: true), runDir, ScriptedRun.TinyEpoch);

        code.Should().Be(0, script.Output);
        var metrics = new Engine.Training.RunDirectory(runDir).ReadMetrics().Single();
        metrics.Diagnostics["revision"].Should().Equal([1.0], "every iteration was computed by revision 1, the one after the failing call too");
        var reloads = metrics.PluginReloads;
        reloads.Select(r => (r.Iteration, r.Plugin, r.Outcome, r.File)).Should().Equal(
            (10L, "fixture-scale", PluginReload.Refused, assembly),
            (20L, "fixture-scale", PluginReload.Refused, assembly),
            (25L, "fixture-scale", PluginReload.Refused, assembly),
            (30L, "fixture-scale", PluginReload.Refused, assembly));
        reloads.Should().OnlyContain(r => r.Old.StartsWith("2.3.4", StringComparison.Ordinal));
        reloads[0].New.Should().StartWith("2.3.5");
        reloads[0].Reason.Should().Contain("its constructor threw InvalidOperationException").And.Contain("fails in its constructor on purpose");
        reloads[1].New.Should().StartWith("2.3.6");
        reloads[1].Reason.Should().Contain("threw on its first call").And.Contain("fails on call 2 on purpose").And.Contain("redone with the previous version");
        reloads[2].Reason.Should().Contain("plugin contract 0.9").And.Contain($"contract {Abstractions.ContractVersion.Current}");
        reloads[3].New.Should().StartWith("unknown");
        reloads[3].Reason.Should().Contain("not a loadable .NET assembly");
        script.Output.Should().Contain("hot reload after iteration 10: distillation scheme 'fixture-scale' 2.3.4")
            .And.Contain("refused, 2.3.4").And.Contain($"keeps running. {assembly}: its constructor threw");
        unloaded.Should().Equal([true, true], "the refused versions that were loaded (constructor, first call) are unloaded");
    }

    private string WriteConfig(bool hotReload) => CliRun.WriteConfig(Path.Combine(root.Path, hotReload ? "hot" : "plain"), $"""
        [run]
        name = "hot-reload"
        [distillation]
        scheme = "fixture-scale"
        factor = 0.25
        [plugins]
        directories = ["{Path.Combine(root.Path, "plugins")}"]
        hot_reload = {(hotReload ? "true" : "false")}
        """);

    private (bool Succeeded, string Output) Rebuild(string folder, params (string Name, string Value)[] knobs) =>
        build.Rebuild(FixturePluginBuild.SchemeProject, folder, knobs.ToDictionary(knob => knob.Name, knob => knob.Value));

    private void RebuildAndWait(ScriptedRun script, string folder, params (string Name, string Value)[] knobs)
    {
        var (succeeded, output) = Rebuild(folder, knobs);
        succeeded.Should().BeTrue(output);
        script.WaitForChange();
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}

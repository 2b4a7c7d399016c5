using System.Text.Json;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// A scheme plugin built out of tree, found through <c>[plugins] directories</c> and selected by its
/// attribute name, trains end to end: its options are bound from <c>[distillation]</c> and its
/// diagnostics land in the metrics.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class ThirdPartySchemeTests(FixturePluginBuild build) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-third-party-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Train_SchemeFromAConfiguredPluginDirectory_IsLoadedBoundAndReported()
    {
        var config = CliRun.WriteConfig(root, $"""
            [run]
            name = "third-party"
            [distillation]
            scheme = "fixture-scale"
            factor = 0.25
            [plugins]
            directories = ["{build.Root}"]
            """);
        var runDir = Path.Combine(root, "run");

        var run = await CliRun.RunAsync(["train", config, "--run-dir", runDir, .. CliRun.TinyEpoch]);

        run.ExitCode.Should().Be(0, run.Error);
        var metrics = JsonDocument.Parse(File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl"))[0]).RootElement;
        metrics.GetProperty("diagnostics").TryGetProperty("mean_logit", out _).Should().BeTrue();
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json"))).RootElement;
        summary.GetProperty("scheme").GetString().Should().Be("fixture-scale");
        File.ReadAllText(Path.Combine(runDir, "config.toml")).Should().Contain("factor = 0.25");
    }

    [Fact]
    public async Task Train_UnknownSchemeOption_NamesTheKey_Exit2()
    {
        var config = CliRun.WriteConfig(root, $"""
            [distillation]
            scheme = "fixture-scale"
            facter = 0.25
            [plugins]
            directories = ["{build.Root}"]
            """);

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "r"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("distillation.facter").And.Contain("factor");
    }
}

using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// Plugins with their authors' mistakes (tests/Fixtures/FixtureMistakes) are skipped with a reason, which <c>plugins</c>
/// and <c>train</c> both print, and the bundled plugins keep working beside them.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class PluginMistakesTests(FixturePluginBuild build) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-mistakes-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Assembly => Path.Combine(build.MistakesFolder, "FixtureMistakes.dll");

    private string NeedsCountSkipped =>
        $"skipped: FixtureMistakes ({Assembly}): [Plugin(\"needs-count\")] Neuromorph.Fixtures.FixtureMistakes.NeedsCount: options type "
        + "Neuromorph.Fixtures.FixtureMistakes.NeedsCountOptions, parameter 'Count' needs a default value: every option must be optional.";

    private string WantsSurrogateSkipped =>
        $"skipped: FixtureMistakes ({Assembly}): [Plugin(\"wants-surrogate\")] Neuromorph.Fixtures.FixtureMistakes.WantsSurrogate: its "
        + "constructor takes an ISurrogateGradient, which a distillation scheme cannot take: only neuron models are given one (the [neuron] "
        + "surrogate). Remove the parameter.";

    [Fact]
    public async Task Plugins_AssemblyWithMistakes_ListsTheOthersAndSaysWhySkipped_Exit0()
    {
        var config = CliRun.WriteConfig(root, $"[plugins]\ndirectories = [\"{build.MistakesFolder}\"]\n");

        var run = await CliRun.RunAsync("plugins", "--config", config);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().MatchRegex("(?m)^lif +neuron ").And.MatchRegex("(?m)^strong2weak +scheme ");
        run.Output.Split('\n').Should().Contain([NeedsCountSkipped, WantsSurrogateSkipped]);
    }

    [Fact]
    public async Task Train_PluginDirectoryWithMistakes_ReportsTheSkippedPluginsAndTrains_Exit0()
    {
        var config = CliRun.WriteConfig(root, $"[run]\nname = \"mistakes\"\n[plugins]\ndirectories = [\"{build.MistakesFolder}\"]\n");

        var run = await CliRun.RunAsync(["train", config, "--run-dir", Path.Combine(root, "run"), .. CliRun.TinyEpoch]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Split('\n').Should().Contain([NeedsCountSkipped, WantsSurrogateSkipped]);
    }

    [Theory]
    [InlineData("wants-surrogate", "its constructor takes an ISurrogateGradient, which a distillation scheme cannot take")]
    [InlineData("needs-count", "parameter 'Count' needs a default value")]
    public async Task Train_SchemeWithAMistake_SaysWhyItWasSkipped_Exit2(string scheme, string reason)
    {
        var config = CliRun.WriteConfig(root, $"[distillation]\nscheme = \"{scheme}\"\n[plugins]\ndirectories = [\"{build.MistakesFolder}\"]\n");

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "run"));

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().StartWith($"error: {config}: distillation.scheme = \"{scheme}\": the plugin '{scheme}' in {Assembly} was skipped: ")
            .And.Contain(reason);
        run.Error.Should().NotContain("   at ");
    }
}

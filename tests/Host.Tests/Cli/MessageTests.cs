namespace Neuromorph.Host.Tests.Cli;

/// <summary>What the first line of an error says for mistakes a user makes on the command line.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-messages-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task UnknownVerb_SaysSoFirstWithTheNearestVerb_Exit2()
    {
        var run = await CliRun.RunAsync("trian", "config.toml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith(
            "error: 'trian' is not a command: did you mean 'train'? The commands are train, eval, attack, plot, plugins, bench, data, models, sweep.\n");
        run.Error.Should().NotContain("Required command was not provided");
    }

    [Fact]
    public async Task UnknownVerbFarFromAny_ListsTheCommands_Exit2()
    {
        var run = await CliRun.RunAsync("frobnicate");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("error: 'frobnicate' is not a command. The commands are train, eval, attack, plot, plugins, bench, data, models, sweep.\n");
    }

    [Fact]
    public async Task Train_DirectoryGivenAsConfig_SaysItIsADirectoryAndNamesTheRunsConfig_Exit2()
    {
        var runDir = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        File.WriteAllText(Path.Combine(runDir, "config.toml"), "");

        var run = await CliRun.RunAsync("train", runDir);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be(
            $"error: config file '{runDir}' is a directory, not a TOML file: did you mean '{Path.Combine(runDir, "config.toml")}'?\n");
    }

    [Fact]
    public async Task Train_DirectoryWithoutConfigGivenAsConfig_SaysItIsADirectory_Exit2()
    {
        var run = await CliRun.RunAsync("train", root);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"error: config file '{root}' is a directory, not a TOML file: give the path of a .toml file.\n");
    }

    [Theory]
    [InlineData("neuron.plugin=\"lfi\"", "neuron.plugin = \"lfi\": no neuron model plugin is named 'lfi'. Available: alif, clif, if, lif, plif. Did you mean 'lif'?")]
    [InlineData("distillation.scheme=\"strong2week\"", "distillation.scheme = \"strong2week\": no distillation scheme plugin is named 'strong2week'. Available: strong2weak, weak2strong. Did you mean 'strong2weak'?")]
    public async Task Train_UnknownPlugin_NamesItsKeyAndTheFile_Exit2(string set, string expected)
    {
        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"), "--set", set);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"error: {RepositoryPaths.Config("quickstart.toml")}: {expected}\n");
    }
}

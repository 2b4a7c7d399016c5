namespace Neuromorph.Host.Tests.Cli;

public sealed class ErrorExitCodeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-errors-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Train_TomlSyntaxError_NamesFileLineAndColumn_Exit2()
    {
        var config = CliRun.WriteConfig(root, "[run]\nname = \"x\"\nepochs = \n");

        var run = await CliRun.RunAsync("train", config);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("run.toml").And.Contain(":3:");
        run.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Train_UnknownKey_SuggestsTheNearestKey_Exit2()
    {
        var config = CliRun.WriteConfig(root, "[optimizer]\nlearning_rate = 0.1\n");

        var run = await CliRun.RunAsync("train", config);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("optimizer.learning_rate").And.Contain("optimizer.lr");
    }

    [Theory]
    [InlineData("model.timesteps=0", "model.timesteps")]
    [InlineData("data.batch_size=0", "data.batch_size")]
    [InlineData("optimizer.lr=0", "optimizer.lr")]
    [InlineData("optimizer.lr=-0.5", "optimizer.lr")]
    public async Task Train_OutOfRangeValue_NamesTheKey_Exit2(string set, string key)
    {
        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"), "--set", set);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(key);
        Directory.Exists(Path.Combine(root, "r")).Should().BeFalse("nothing is written before the configuration is valid");
    }

    [Fact]
    public async Task Train_UnknownNeuronPlugin_ListsTheAvailableOnes_Exit2()
    {
        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"), "--set", "neuron.plugin=\"lfi\"");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("lfi").And.Contain("lif");
        run.Error.Should().StartWith($"error: {RepositoryPaths.Config("quickstart.toml")}: neuron.plugin = \"lfi\"", "the key and the file that asks for it are named");
    }

    [Fact]
    public async Task Train_UnknownNeuronOption_NamesTheKey_Exit2()
    {
        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"), "--set", "neuron.options.taus=3");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("neuron.options.taus").And.Contain("tau");
    }

    [Fact]
    public async Task Train_PluginRefusesAnOptionValue_NamesKeyAndPlugin_Exit2()
    {
        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"), "--set", "neuron.options.tau=0.5");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("neuron.options.tau").And.Contain("'lif'");
        Directory.Exists(Path.Combine(root, "r")).Should().BeFalse();
    }

    [Fact]
    public async Task Train_MissingDataset_SaysWhereItLooked_Exit3()
    {
        var empty = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;

        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"),
            "--set", "data.dataset=\"fashion-mnist\"", "--set", $"data.path=\"{empty}\"");

        run.ExitCode.Should().Be(3, run.Error);
        run.Error.Should().Contain(empty);
    }

    [Fact]
    public async Task Train_TruncatedIdxFile_NamesTheFile_Exit3()
    {
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            File.WriteAllBytes(Path.Combine(data, name), name.Contains("images") ? [0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3] : [0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3, 4, 5]);

        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"),
            "--set", "data.dataset=\"fashion-mnist\"", "--set", $"data.path=\"{data}\"");

        run.ExitCode.Should().Be(3, run.Error);
        run.Error.Should().Contain("images-idx3-ubyte").And.Contain("truncated");
    }

    [Fact]
    public async Task Eval_MissingRunDirectory_Exit3()
    {
        var run = await CliRun.RunAsync("eval", Path.Combine(root, "nothing-here"));

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("does not exist");
    }

    [Fact]
    public async Task UnknownCommandOrMissingArgument_IsAUsageError_Exit2()
    {
        (await CliRun.RunAsync("trian")).ExitCode.Should().Be(2);
        (await CliRun.RunAsync("train")).ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task Plugins_ListsTheBuiltInNeuronsWithTheirOptions()
    {
        var run = await CliRun.RunAsync("plugins");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("lif").And.Contain("if").And.Contain("tau").And.Contain("threshold").And.Contain("none");
    }

    [Fact]
    public async Task Plugins_ListsTheBuiltInAttacksAndTheHostsAttackKeys()
    {
        var run = await CliRun.RunAsync("plugins");

        run.ExitCode.Should().Be(0, run.Error);
        foreach (var attack in new[] { "gaussian-noise", "fgsm", "pgd", "bim", "cw", "apgd-ce" })
            run.Output.Should().MatchRegex($"(?m)^{attack} +attack ");
        run.Output.Should().Contain("Every attack also takes surrogate and surrogate_alpha");
    }
}

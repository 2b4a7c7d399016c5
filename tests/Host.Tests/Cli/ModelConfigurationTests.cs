using System.Text.Json;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Cli;

/// <summary><c>[model]</c> keys of the model zoo: bad values exit with 2 and a message naming the key; a zoo model trains.</summary>
public sealed class ModelConfigurationTests : IDisposable
{
    private const string KnownModels =
        "\"csnn\", \"vgg9\", \"vgg11\", \"vggsnn\", \"ms-resnet18\", \"resnet19\", \"sew-resnet34\", \"spiking-resnet18\"";

    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-models-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("model.name=\"resnet-19\"", "model.name = \"resnet-19\" is not known: did you mean \"resnet19\"? Valid values are " + KnownModels + ".")]
    [InlineData("model.name=\"vgg\"", "model.name = \"vgg\" is not known: did you mean \"vgg9\"? Valid values are " + KnownModels + ".")]
    [InlineData("model.name=\"transformer\"", "model.name = \"transformer\" is not known: valid values are " + KnownModels + ".")]
    [InlineData("model.width=-4", "model.width = -4 is out of range: it must be an integer in [0, 1048576] (the base width of the VGG and ResNet models; 0 uses the model's published width).")]
    [InlineData("model.width=8", "model.width = 8 does not apply to model \"csnn\": it is sized by model.channels and model.hidden; remove model.width or set it to 0.")]
    [InlineData("model.norm=\"layer\"", "model.norm = \"layer\" is not known: valid values are \"bn\", \"tdbn\".")]
    [InlineData("model.tdbn_alpha=0", "model.tdbn_alpha = 0 is out of range: it must be a finite number > 0.")]
    [InlineData("model.tdbn_alpha=0.5", "model.tdbn_alpha = 0.5 has no effect with model.norm = \"bn\": set model.norm = \"tdbn\" to use it, or remove it.")]
    public async Task Train_BadModelValue_IsAUsageErrorWithTheDocumentedMessage(string set, string expected)
    {
        var config = RepositoryPaths.Config("quickstart.toml");

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "r"), "--set", set);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Be($"error: {config}: {expected}\n");
        Directory.Exists(Path.Combine(root, "r")).Should().BeFalse("nothing is written before the configuration is valid");
    }

    [Fact]
    public async Task Train_ModelTooLargeForTheImages_IsAUsageErrorNamingTheNeedAndTheDataset()
    {
        var run = await CliRun.RunAsync(
            "train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "r"), "--set", "model.name=\"vgg11\"");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Be(
            "error: model.name = \"vgg11\": model 'vgg11' halves its input 5 times (2x2 average pooling), so it needs images of at "
            + "least 32x32, but the input is 1x28x28 (data.dataset = \"embedded-fashion-mnist\"). Choose a model that takes 1x28x28 "
            + "images ('neuromorph models --input 1x28x28' lists them) or a dataset with larger images.\n");
        Directory.Exists(Path.Combine(root, "r")).Should().BeFalse();
    }

    [Fact]
    public async Task Train_ResNet19WithTdBN_RunsTwoIterationsEndToEndAndEvaluates()
    {
        var runDir = Path.Combine(root, "resnet19");

        var run = await CliRun.RunAsync(
            "train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir,
            "--set", "model.name=\"resnet19\"", "--set", "model.width=4", "--set", "model.norm=\"tdbn\"", "--set", "model.timesteps=2",
            "--set", "data.train_limit=32", "--set", "data.test_limit=32", "--set", "data.batch_size=16", "--set", "data.test_batch_size=16",
            "--set", "run.epochs=1", "--set", "run.log_every=1", "--set", "neuron.surrogate=\"atan\"");

        run.ExitCode.Should().Be(0, run.Error);
        var metrics = JsonDocument.Parse(File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl")).Single()).RootElement;
        metrics.GetProperty("iterations").GetInt32().Should().Be(2);
        double.IsFinite(metrics.GetProperty("train_loss").GetDouble()).Should().BeTrue();
        metrics.GetProperty("test_accuracy_at_timesteps").GetArrayLength().Should().Be(2);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json"))).RootElement;
        summary.GetProperty("model").GetString().Should().Be("resnet19");
        File.ReadAllText(Path.Combine(runDir, "config.toml"))
            .Should().Contain("name = \"resnet19\"").And.Contain("width = 4").And.Contain("norm = \"tdbn\"");

        var eval = await CliRun.RunAsync("eval", runDir);
        eval.ExitCode.Should().Be(0, eval.Error);
        File.Exists(Path.Combine(runDir, "evaluation.json")).Should().BeTrue();
    }

    [Fact]
    public void Create_TdBN_StartsBatchNormWeightsAtAlphaTimesTheNeuronThreshold()
    {
        var configuration = ConfigurationLoader.Parse(
            "", "run.toml",
            [
                "model.name=\"resnet19\"", "model.width=2", "model.norm=\"tdbn\"", "model.tdbn_alpha=0.75",
                "neuron.options.threshold=2.0", "data.train_limit=16", "data.test_limit=16",
            ]);

        using var experiment = ExperimentFactory.Create(configuration);
        var weights = experiment.Network.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());

        // α·V_th = 0.75·2 = 1.5; the residual branch's last BN and the shortcut's BN start at 1.5/√2 ≈ 1.06066.
        weights["encoder.bn1.weight"].Should().AllSatisfy(w => w.Should().BeApproximately(1.5f, 1e-6f));
        weights["body.layer2.0.bn1.weight"].Should().AllSatisfy(w => w.Should().BeApproximately(1.5f, 1e-6f));
        weights["body.layer2.0.bn2.weight"].Should().AllSatisfy(w => w.Should().BeApproximately(1.0606602f, 1e-6f));
        weights["body.layer2.0.downsample.1.weight"].Should().AllSatisfy(w => w.Should().BeApproximately(1.0606602f, 1e-6f));
    }
}

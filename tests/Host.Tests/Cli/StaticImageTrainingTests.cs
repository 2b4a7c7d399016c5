using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

/// <summary><c>train</c> on CIFAR-format and image-folder datasets written by the test, with augmentation and workers.</summary>
public sealed class StaticImageTrainingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-static-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string Config(string dataset, string path, string extra = "") => $"""
        [run]
        name = "tiny-{dataset}"
        epochs = 1
        log_every = 1

        [data]
        dataset = "{dataset}"
        path = "{path}"
        batch_size = 2
        test_batch_size = 2
        workers = 2
        {extra}

        [data.augment]
        random_crop_padding = 4
        horizontal_flip = true
        cutout = 8
        autoaugment = "cifar10"

        [model]
        timesteps = 2
        channels = [4, 8]
        hidden = 16

        [neuron]
        surrogate = "atan"

        [optimizer]
        name = "adam"
        lr = 0.001
        """;

    [Fact]
    public async Task Train_TinyCifar10_TrainsTwoIterationsAndRecordsTheAugmentation()
    {
        var data = StaticImageFiles.WriteCifar10(Path.Combine(root, "cifar"));
        var config = CliRun.WriteConfig(root, Config("cifar10", data, "train_limit = 4"));
        var runDir = Path.Combine(root, "run");

        var run = await CliRun.RunAsync("train", config, "--run-dir", runDir);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("cifar10: 4 training and 3 test images");
        var metrics = File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        metrics.Should().ContainSingle();
        metrics[0].GetProperty("iterations").GetInt64().Should().Be(2);
        double.IsFinite(metrics[0].GetProperty("train_loss").GetDouble()).Should().BeTrue();
        var effective = File.ReadAllText(Path.Combine(runDir, "config.toml"));
        effective.Should().Contain("[data.augment]").And.Contain("autoaugment = \"cifar10\"").And.Contain("workers = 2");

        var eval = await CliRun.RunAsync("eval", runDir);
        eval.ExitCode.Should().Be(0, eval.Error);
    }

    [Fact]
    public async Task Train_TinyImageFolder_CountsClassesFromFoldersAndResizes()
    {
        var data = StaticImageFiles.WriteImageFolder(Path.Combine(root, "images"), ["cat", "ant", "bee"], perClass: 2);
        var config = CliRun.WriteConfig(root, Config("image-folder", data, "image_size = 8"));
        var runDir = Path.Combine(root, "run");

        var run = await CliRun.RunAsync("train", config, "--run-dir", runDir);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("image-folder: 6 training and 6 test images");
        var metrics = JsonDocument.Parse(File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl")).Single()).RootElement;
        metrics.GetProperty("iterations").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task Train_CorruptImage_IsADataErrorNamingTheFile_Exit3()
    {
        var data = StaticImageFiles.WriteImageFolder(Path.Combine(root, "images"), ["ant", "bee"], perClass: 2);
        var broken = Path.Combine(data, "train", "bee", "broken.png");
        File.WriteAllBytes(broken, [1, 2, 3, 4]);
        var config = CliRun.WriteConfig(root, Config("image-folder", data, "image_size = 8"));

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "run"));

        run.ExitCode.Should().Be(3, run.Error);
        run.Error.Should().Contain(broken).And.Contain("could not be decoded");
    }

    [Fact]
    public async Task Train_MissingCifarFiles_IsADataErrorSayingHowToGetThem_Exit3()
    {
        var data = StaticImageFiles.WriteCifar10(Path.Combine(root, "cifar"));
        File.Delete(Path.Combine(data, "test_batch.bin"));
        var config = CliRun.WriteConfig(root, Config("cifar10", data));

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "run"));

        run.ExitCode.Should().Be(3, run.Error);
        run.Error.Should().Contain(data).And.Contain("missing test_batch.bin").And.Contain("cifar-10-binary.tar.gz");
    }

    [Fact]
    public async Task Train_MissingImageFolder_IsADataError_Exit3()
    {
        var config = CliRun.WriteConfig(root, Config("image-folder", Path.Combine(root, "absent")));

        var run = await CliRun.RunAsync("train", config, "--run-dir", Path.Combine(root, "run"));

        run.ExitCode.Should().Be(3, run.Error);
        run.Error.Should().Contain(Path.Combine(root, "absent")).And.Contain("does not exist");
    }
}

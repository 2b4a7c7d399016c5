using Neuromorph.Data.Events;

namespace Neuromorph.Host.Tests.Cli;

public sealed class DataSaccadeCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-saccade-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Saccade_EmbeddedSubset_WritesNMnistFilesPerLabel()
    {
        var output = Path.Combine(root, "out");

        var run = await CliRun.RunAsync("data", "saccade", "--dataset", "embedded-fashion-mnist", "--out", output, "--limit", "3", "--threshold", "0.3");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("wrote 3 training and 3 test event files").And.Contain("34x34 sensor")
            .And.Contain("data.dataset=\"saccade-fashion-mnist\"");
        var train = Directory.GetFiles(Path.Combine(output, "Train"), "*.bin", SearchOption.AllDirectories);
        // The subset's first training labels are 9, 0, 0 (see EmbeddedFashionMnistTests).
        train.Select(f => Path.GetRelativePath(output, f)).Order().Should().Equal(
            Path.Combine("Train", "0", "00001.bin"), Path.Combine("Train", "0", "00002.bin"), Path.Combine("Train", "9", "00000.bin"));
        foreach (var file in train)
            NMnistEventFile.Read(file, 34, 34).Count.Should().BePositive();
        Directory.GetFiles(Path.Combine(output, "Test"), "*.bin", SearchOption.AllDirectories).Should().HaveCount(3);
    }

    [Fact]
    public async Task Saccade_IntoAnEarlierConversion_IsAUsageError()
    {
        Directory.CreateDirectory(Path.Combine(root, "out", "Train"));

        var run = await CliRun.RunAsync("data", "saccade", "--dataset", "embedded-fashion-mnist", "--out", Path.Combine(root, "out"));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("already holds Train/").And.Contain("choose a new folder");
    }

    [Theory]
    [InlineData("--threshold", "0", "--threshold must be a finite number > 0, got 0.")]
    [InlineData("--limit", "-1", "--limit must be >= 0, got -1.")]
    [InlineData("--dataset", "nmnist", "nmnist")]
    [InlineData("--dataset", "cifar10", "'embedded-fashion-mnist'")]
    public async Task Saccade_BadOption_IsAUsageError(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("data", "saccade", "--out", Path.Combine(root, "out"), option, value);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
        Directory.Exists(Path.Combine(root, "out")).Should().BeFalse();
    }

    [Fact]
    public async Task Saccade_WithoutOut_IsAUsageError()
    {
        var run = await CliRun.RunAsync("data", "saccade", "--dataset", "embedded-fashion-mnist");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--out");
    }

    [Fact]
    public async Task Saccade_MissingImageDataset_IsADataError()
    {
        var run = await CliRun.RunAsync("data", "saccade", "--dataset", "mnist", "--data-path", Path.Combine(root, "none"), "--out", Path.Combine(root, "out"));

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("Dataset 'mnist' (MNIST) was not found");
    }
}

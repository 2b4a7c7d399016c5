using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

public sealed class BenchCommandTests
{
    [Theory]
    [InlineData("bench", "lif", "--sizes", "0")]
    [InlineData("bench", "lif", "--sizes", "512,x")]
    [InlineData("bench", "lif", "--sizes", "512,,2048")]
    [InlineData("bench", "lif", "--sizes", "-8")]
    [InlineData("bench", "lif", "--threads", "0")]
    [InlineData("bench", "lif", "--repeats", "0")]
    [InlineData("bench", "lif", "--timesteps", "0")]
    [InlineData("bench", "csnn", "--threads", "0")]
    [InlineData("bench", "csnn", "--batch", "0")]
    [InlineData("bench", "csnn", "--iterations", "0")]
    [InlineData("bench", "csnn", "--warmup", "-1")]
    [InlineData("bench", "csnn", "--spike-count-stride", "-1")]
    [InlineData("bench", "csnn", "--tensorboard-every", "-1")]
    [InlineData("bench", "csnn", "--dataset", "cifar-10")]
    [InlineData("bench", "csnn", "--dataset", "embedded-fashion-mnist", "--scheme", "no-such-scheme")]
    [InlineData("bench", "csnn", "--dataset", "embedded-fashion-mnist", "--scheme", "strong2weak", "--timesteps", "1")]
    [InlineData("bench", "csnn", "--dataset", "embedded-fashion-mnist", "--batch", "2001")]
    [InlineData("bench", "csnn", "--dataset", "cifar10")]
    [InlineData("bench", "data", "--workers", "0")]
    [InlineData("bench", "data", "--batch", "0")]
    [InlineData("bench", "data", "--batches", "0")]
    [InlineData("bench", "data", "--cutout", "-1")]
    [InlineData("bench", "data", "--image-size", "2")]
    [InlineData("bench", "data", "--autoaugment", "imagenet")]
    [InlineData("bench", "data", "--dataset", "cifar-10")]
    [InlineData("bench", "data", "--dataset", "embedded-fashion-mnist", "--batch", "10001")]
    [InlineData("bench", "data", "--dataset", "image-folder")]
    [InlineData("bench")]
    public async Task Bench_InvalidArguments_IsAUsageErrorAndPrintsNoMeasurement(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().StartWith("error: ");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task BenchCsnn_MissingDatasetFolder_IsADataErrorNamingTheEmbeddedAlternative()
    {
        var empty = Directory.CreateTempSubdirectory("neuromorph-bench-").FullName;
        try
        {
            var run = await CliRun.RunAsync("bench", "csnn", "--data-path", empty, "--iterations", "1");

            run.ExitCode.Should().Be(3, run.Error);
            run.Error.Should().Contain(empty).And.Contain("--dataset embedded-fashion-mnist");
            run.Output.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task BenchLif_TinySizes_PrintsOneJsonLinePerSizeWithTheSettingsAndTimes()
    {
        var run = await CliRun.RunAsync("bench", "lif", "--sizes", "8,3", "--timesteps", "3", "--batch", "2", "--repeats", "1", "--threads", "1");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = JsonLines(run.Output);
        lines.Select(line => line.GetProperty("n").GetInt32()).Should().Equal(8, 3);
        foreach (var line in lines)
        {
            line.GetProperty("framework").GetString().Should().Be("neuromorph");
            line.GetProperty("benchmark").GetString().Should().Be("lif");
            line.GetProperty("neuron").GetString().Should().Be("lif");
            line.GetProperty("surrogate").GetString().Should().Be("atan");
            line.GetProperty("timesteps").GetInt32().Should().Be(3);
            line.GetProperty("batch").GetInt32().Should().Be(2);
            line.GetProperty("threads").GetInt32().Should().Be(1);
            line.GetProperty("repeats").GetInt32().Should().Be(1);
            foreach (var time in new[] { "forward_ms", "forward_backward_ms", "linear_forward_backward_ms" })
                line.GetProperty(time).GetDouble().Should().BePositive(time);
        }
    }

    [Theory]
    [InlineData("none", "4", "0")]
    [InlineData("strong2weak", "0", "1")]
    public async Task BenchCsnn_EmbeddedDatasetTinyRun_PrintsOneJsonLineWithTheSettingsAndFigures(string scheme, string spikeCountStride, string tensorBoardEvery)
    {
        var temporaryBefore = TensorBoardFolders();

        var run = await CliRun.RunAsync(
            "bench", "csnn", "--dataset", "embedded-fashion-mnist", "--batch", "4", "--timesteps", "2", "--iterations", "2",
            "--warmup", "1", "--threads", "1", "--scheme", scheme, "--spike-count-stride", spikeCountStride, "--tensorboard-every", tensorBoardEvery);

        run.ExitCode.Should().Be(0, run.Error);
        var line = JsonLines(run.Output).Should().ContainSingle().Subject;
        line.GetProperty("framework").GetString().Should().Be("neuromorph");
        line.GetProperty("benchmark").GetString().Should().Be("csnn");
        line.GetProperty("dataset").GetString().Should().Be("embedded-fashion-mnist");
        line.GetProperty("scheme").GetString().Should().Be(scheme);
        line.GetProperty("channels").EnumerateArray().Select(c => c.GetInt32()).Should().Equal(32, 64);
        line.GetProperty("hidden").GetInt32().Should().Be(256);
        line.GetProperty("batch").GetInt32().Should().Be(4);
        line.GetProperty("timesteps").GetInt32().Should().Be(2);
        line.GetProperty("threads").GetInt32().Should().Be(1);
        line.GetProperty("iterations").GetInt32().Should().Be(2);
        line.GetProperty("warmup").GetInt32().Should().Be(1);
        line.GetProperty("spike_count_stride").GetInt32().Should().Be(int.Parse(spikeCountStride));
        line.GetProperty("tensorboard_every").GetInt32().Should().Be(int.Parse(tensorBoardEvery));
        TensorBoardFolders().Except(temporaryBefore).Should().BeEmpty("the benchmark removes the folder its TensorBoard events went to");
        line.GetProperty("train_samples_per_s").GetDouble().Should().BePositive();
        line.GetProperty("eval_samples_per_s").GetDouble().Should().BePositive();
        if (OperatingSystem.IsLinux())
            line.GetProperty("peak_rss_mb").GetDouble().Should().BePositive();
        var stepMs = line.GetProperty("train_ms_per_step").GetDouble();
        stepMs.Should().BeApproximately(1000.0 * 4 / line.GetProperty("train_samples_per_s").GetDouble(), 0.01);
        line.GetProperty("train_gflop_per_s").GetDouble().Should().BePositive();
        line.GetProperty("dense_floor_ms").GetDouble().Should().BePositive();
        line.GetProperty("conv_gflop_per_s").GetDouble().Should().BePositive();
        line.GetProperty("matmul_gflop_per_s").GetDouble().Should().BePositive();
        var phases = line.GetProperty("train_phase_ms").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        phases.Keys.Should().BeEquivalentTo(["inputs", "forward", "distillation", "objective", "backward", "optimizer", "readout"]);
        phases.Values.Should().OnlyContain(ms => ms >= 0);
        // The phases tile the step; the step's time also holds the loader wait and the collection point.
        phases.Values.Sum().Should().BeLessThanOrEqualTo(stepMs * 1.01);
        phases["forward"].Should().BePositive();
        phases["backward"].Should().BePositive();
    }

    [Fact]
    public async Task BenchData_EmbeddedDatasetWithAugmentation_PrintsOneJsonLineWithTheSettingsAndRate()
    {
        var run = await CliRun.RunAsync(
            "bench", "data", "--dataset", "embedded-fashion-mnist", "--batch", "8", "--workers", "3", "--batches", "4", "--warmup", "1",
            "--random-crop-padding", "2", "--horizontal-flip", "--cutout", "4", "--autoaugment", "cifar10");

        run.ExitCode.Should().Be(0, run.Error);
        var line = JsonLines(run.Output).Should().ContainSingle().Subject;
        line.GetProperty("framework").GetString().Should().Be("neuromorph");
        line.GetProperty("benchmark").GetString().Should().Be("data");
        line.GetProperty("dataset").GetString().Should().Be("embedded-fashion-mnist");
        line.GetProperty("sample_shape").EnumerateArray().Select(n => n.GetInt32()).Should().Equal(1, 28, 28);
        line.GetProperty("train_samples").GetInt32().Should().Be(10_000);
        line.GetProperty("batch").GetInt32().Should().Be(8);
        line.GetProperty("workers").GetInt32().Should().Be(3);
        line.GetProperty("prefetch").GetInt32().Should().Be(4);
        line.GetProperty("random_crop_padding").GetInt32().Should().Be(2);
        line.GetProperty("horizontal_flip").GetBoolean().Should().BeTrue();
        line.GetProperty("cutout").GetInt32().Should().Be(4);
        line.GetProperty("autoaugment").GetString().Should().Be("cifar10");
        line.GetProperty("batches").GetInt32().Should().Be(4);
        line.GetProperty("warmup").GetInt32().Should().Be(1);
        var rate = line.GetProperty("loader_samples_per_s").GetDouble();
        rate.Should().BePositive();
        var msPerBatch = 1000.0 * 8 / rate;
        // Both figures are rounded to three decimals.
        line.GetProperty("loader_ms_per_batch").GetDouble().Should().BeApproximately(msPerBatch, 0.01 + (0.001 * msPerBatch));
    }

    [Fact]
    public async Task BenchData_MissingDataset_IsADataError()
    {
        var empty = Directory.CreateTempSubdirectory("neuromorph-bench-").FullName;
        try
        {
            var run = await CliRun.RunAsync("bench", "data", "--dataset", "cifar100", "--data-path", empty);

            run.ExitCode.Should().Be(3, run.Error);
            run.Error.Should().Contain(empty).And.Contain("cifar-100-binary");
            run.Output.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();

    private static string[] TensorBoardFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), $"{Neuromorph.Host.Benchmarks.BenchmarkTensorBoard.FolderPrefix}*");
}

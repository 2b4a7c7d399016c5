using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

public sealed class BenchModelCommandTests
{
    [Fact]
    public async Task BenchModel_Resnet19Width4_TrainsOnCifarShapedInputsAndReportsTheStep()
    {
        var run = await CliRun.RunAsync(
            "bench", "model", "--model", "resnet19", "--width", "4", "--batch", "2", "--timesteps", "2", "--iterations", "2",
            "--warmup", "1", "--threads", "1");

        run.ExitCode.Should().Be(0, run.Error);
        var line = JsonDocument.Parse(run.Output).RootElement;
        line.GetProperty("benchmark").GetString().Should().Be("model");
        line.GetProperty("input").GetString().Should().Be("3x32x32");
        // ResNet-19 at base width w = 4 (stages 4/8/16, FC 2w = 8), convolutions without bias, BN 2·C:
        // stem 3·4·9 + 8 = 116; stage 1: 3 × (2·4·4·9 + 16) = 912; stage 2: (4·8·9 + 8·8·9 + 32 + 4·8 + 16) + 2 × (2·576 + 32)
        // = 944 + 2,368 = 3,312; stage 3: (8·16·9 + 16·16·9 + 64 + 8·16 + 32) + (2·2,304 + 64) = 3,680 + 4,672 = 8,352;
        // FC 16→8 with bias 136, FC 8→10 with bias 90: 12,918.
        line.GetProperty("parameters").GetInt64().Should().Be(12_918);
        var stepMs = line.GetProperty("train_ms_per_step").GetDouble();
        stepMs.Should().BePositive();
        line.GetProperty("train_samples_per_s").GetDouble().Should().BeApproximately(2 * 1000 / stepMs, 0.01 * 2 * 1000 / stepMs);
        line.GetProperty("train_phase_ms").GetProperty("backward").GetDouble().Should().BePositive();
    }

    [Theory]
    [InlineData("--model", "resnet", "did you mean 'resnet19'?")]
    [InlineData("--model", "vgg11", "needs images of at least 32x32", "--input", "3x8x8")]
    [InlineData("--input", "3x32", "is not a sample shape")]
    [InlineData("--batch", "0", "--batch must be >= 1")]
    public async Task BenchModel_BadArguments_ExitTwo(params string[] arguments)
    {
        var message = arguments[2];
        var options = arguments.Where((_, i) => i != 2).ToArray();

        var run = await CliRun.RunAsync(["bench", "model", .. options]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
    }
}

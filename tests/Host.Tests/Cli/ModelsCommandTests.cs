namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// <c>models</c> lists every architecture with its parameter count for the given input. Expected counts are computed by
/// hand (k×k convolution k·k·Cin·Cout, batch norm 2·C, FC in·out + out; w the base width, C the input channels, K the
/// classes); the Engine tests pin the same formulas to the published figures.
/// </summary>
public sealed class ModelsCommandTests
{
    [Fact]
    public async Task Models_Width4OnCifarSizedInput_ListsEveryModelWithItsHandCount()
    {
        var run = await CliRun.RunAsync("models", "--input", "3x32x32", "--classes", "10", "--width", "4");

        run.ExitCode.Should().Be(0, run.Error);
        var rows = Rows(run.Output);
        rows.Keys.Should().BeEquivalentTo(
            ["csnn", "vgg9", "vgg11", "vggsnn", "ms-resnet18", "resnet19", "sew-resnet34", "spiking-resnet18"]);
        // csnn ignores --width: channels [32, 64], hidden 256: 864 + 64 + 18,432 + 128 + 64·8·8·256 + 2,570.
        rows["csnn"].Should().Be(("-", "1,070,634"));
        // 9·(C·w + 47w²) + 36w + (4w·4·4)·16w + 32w + 16w·K + K = 6,876 + 144 + 16,384 + 128 + 650
        rows["vgg9"].Should().Be(("4", "24,182"));
        // 9·(C·w + 250w²) + 86w + 8w·K + K = 36,108 + 344 + 330
        rows["vgg11"].Should().Be(("4", "36,782"));
        // the same convolutions and BNs as vgg11, four poolings: FC 8w·2·2·K + K = 1,290
        rows["vggsnn"].Should().Be(("4", "37,742"));
        // ResNet-18 with the CIFAR stem: 9·C·w + 2,724w² + 150w + 8w·K + K = 108 + 43,584 + 600 + 320 + 10
        rows["ms-resnet18"].Should().Be(("4", "44,622"));
        rows["spiking-resnet18"].Should().Be(("4", "44,622"));
        // 9·C·w + 774w² + 84w + 2w·K + K = 108 + 12,384 + 336 + 80 + 10
        rows["resnet19"].Should().Be(("4", "12,918"));
        // ResNet-34 with the CIFAR stem: 9·C·w + 5,190w² + 266w + 8w·K + K = 108 + 83,040 + 1,064 + 320 + 10
        rows["sew-resnet34"].Should().Be(("4", "84,542"));
        run.Output.Should().Contain("Zheng et al.").And.Contain("Fang et al.").And.Contain("Deng et al.").And.Contain("Hu et al.");
    }

    [Fact]
    public async Task Models_ImageNetInput_GivesTorchvisionResNetCounts()
    {
        var run = await CliRun.RunAsync("models", "--input", "3x224x224", "--classes", "1000");

        run.ExitCode.Should().Be(0, run.Error);
        var rows = Rows(run.Output);
        // torchvision resnet18 and resnet34: 11,689,512 and 21,797,672 parameters.
        rows["spiking-resnet18"].Should().Be(("64", "11,689,512"));
        rows["ms-resnet18"].Should().Be(("64", "11,689,512"));
        rows["sew-resnet34"].Should().Be(("64", "21,797,672"));
    }

    [Fact]
    public async Task Models_InputTooSmallForAModel_ShowsNoCountAndSaysWhy()
    {
        var run = await CliRun.RunAsync("models", "--input", "1x28x28", "--width", "2");

        run.ExitCode.Should().Be(0, run.Error);
        Rows(run.Output)["vgg11"].Should().Be(("2", "-"));
        run.Output.Should().Contain(
            "vgg11: not for this input: model 'vgg11' halves its input 5 times (2x2 average pooling), so it needs images of at least 32x32, but the input is 1x28x28.");
    }

    [Theory]
    [InlineData("--input", "3x32")]
    [InlineData("--input", "0x32x32")]
    [InlineData("--input", "3x32xa")]
    [InlineData("--classes", "0")]
    [InlineData("--width", "0")]
    [InlineData("--norm", "layer")]
    public async Task Models_InvalidArguments_IsAUsageErrorAndPrintsNoTable(string option, string value)
    {
        var run = await CliRun.RunAsync("models", option, value);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().StartWith("error: ").And.Contain(option == "--norm" ? "layer" : option);
        run.Output.Should().BeEmpty();
    }

    /// <summary>The table's rows by model name: the width and parameter columns.</summary>
    /// <remarks>The rows are the lines between the column headings (<c>model width parameters description</c>) and the notes.</remarks>
    private static Dictionary<string, (string Width, string Parameters)> Rows(string output) =>
        output.Split('\n')
            .SkipWhile(line => !line.StartsWith("model ", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => line.Length > 0 && !line.Contains(": not for this input: ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => cells[0], cells => (cells[1], cells[2]));
}

using Neuromorph.Host.Plotting;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Plotting;

/// <summary>Figures of a trained tiny run: drawn by train, eval and attack themselves, and the spike raster.</summary>
public sealed class TrainedRunPlotTests(TinyEpochRun run) : IClassFixture<TinyEpochRun>
{
    [Fact]
    public void Train_TinyRun_LeavesThePerEpochFiguresInPlots()
    {
        var plots = Path.Combine(run.RunDir, "plots");

        run.Training.Output.Should().MatchRegex($@"\nplots: \d+ figures in {System.Text.RegularExpressions.Regex.Escape(plots)}; not drawn: early exit, ");
        PngImage.ShouldBeFigure(Path.Combine(plots, "loss.png"), 800, 500);
        PngImage.ShouldBeFigure(Path.Combine(plots, "accuracy.png"), 800, 500);
        PngImage.ShouldBeFigure(Path.Combine(plots, "accuracy-vs-timesteps.png"), 800, 500);
        PngImage.TemporaryFiles(plots).Should().BeEmpty();
    }

    [Fact]
    public async Task PlotRaster_TinyRun_WritesARasterOfThreeLayersOf32Neurons()
    {
        var copy = run.Copy("raster");

        var result = await CliRun.RunAsync("plot", copy, "--raster");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("  raster.png\n");
        // csnn has three spiking layers; 32 neurons each: 96 rows of 4 pixels, plus 160 for title and axes.
        SpikeRaster.Height(96).Should().Be(544);
        PngImage.ShouldBeFigure(Path.Combine(copy, "plots", "raster.png"), 800, 544);
    }

    [Fact]
    public async Task PlotRaster_RunWithoutCheckpoint_ExitsWithDataError()
    {
        var copy = run.Copy("no-checkpoint");
        Directory.Delete(Path.Combine(copy, "checkpoints"), recursive: true);

        var result = await CliRun.RunAsync("plot", copy, "--raster");

        result.ExitCode.Should().Be(3);
        result.Error.Should().Contain("has no checkpoint");
    }

    [Fact]
    public async Task Eval_PlotsCannotBeWritten_StillSucceedsWithANote()
    {
        var copy = run.Copy("blocked");
        Directory.Delete(Path.Combine(copy, "plots"), recursive: true);
        File.WriteAllText(Path.Combine(copy, "plots"), "a file where the folder would go");

        var result = await CliRun.RunAsync("eval", copy, "--early-exit", "0.9");

        result.ExitCode.Should().Be(0, result.Error);
        File.Exists(Path.Combine(copy, "evaluation.json")).Should().BeTrue();
        result.Output.Should().Contain($"plots: 0 figures in {Path.Combine(copy, "plots")}; not drawn: loss and accuracy per epoch, accuracy against timesteps");
    }

    [Fact]
    public async Task Attack_TinyRun_DrawsTheRobustnessFigureOfItsReport()
    {
        var copy = run.Copy("attacked");

        var result = await CliRun.RunAsync("attack", copy, "--attack", "fgsm", "--epsilons", "0,8/255", "--limit", "16", "--report", "fgsm.json");

        result.ExitCode.Should().Be(0, result.Error);
        // Loss, accuracy, accuracy against timesteps, the training and test firing-rate maps, and the attack's figure.
        result.Output.Should().Contain($"plots: 6 figures in {Path.Combine(copy, "plots")}");
        File.Exists(Path.Combine(copy, "plots", "firing-rates-test.png")).Should().BeTrue();
        PngImage.ShouldBeFigure(Path.Combine(copy, "plots", "fgsm-linf.png"), 800, 500);
    }
}

using Neuromorph.Host.Plotting;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Plotting;

/// <summary><c>plot</c> on run directories written by hand: every figure, the optional ones skipped, bad input.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly TemporaryDirectory temporary = new();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public async Task Plot_RunWithEveryReport_WritesEveryFigureAsWholePngsOfTheStatedSize()
    {
        var run = new HandWrittenRun(temporary.Folder("full")).Train().Evaluate().Attack();

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(0, result.Error);
        string[] expected =
        [
            "loss.png", "accuracy.png", "accuracy-vs-timesteps.png", "early-exit.png", "selection-counts.png", "confidence.png",
            "firing-rates.png", "firing-rates-test.png", "robustness-linf.png", "robustness-l2.png",
        ];
        Directory.EnumerateFiles(run.Plots).Select(Path.GetFileName).Should().BeEquivalentTo(expected);
        foreach (var file in expected)
        {
            PngImage.ShouldBeFigure(Path.Combine(run.Plots, file), 800, 500);
            result.Output.Should().Contain($"  {file}\n");
        }
        result.Output.Should().Contain("note: cw in robustness.json: not drawn: it has no ε budget");
        PngImage.TemporaryFiles(run.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Plot_SchemeNoneWithoutReports_DrawsThePerEpochFiguresAndSkipsTheRestWithNotes()
    {
        var run = new HandWrittenRun(temporary.Folder("plain"), scheme: "none").Train(diagnostics: false, firingRates: false);

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(0, result.Error);
        Directory.EnumerateFiles(run.Plots).Select(Path.GetFileName).Should().BeEquivalentTo("loss.png", "accuracy.png", "accuracy-vs-timesteps.png");
        result.Output.Should().Contain("note: early exit: not drawn: no evaluation.json");
        result.Output.Should().Contain("note: strong/weak selection counts: not drawn: metrics.jsonl records no strong_counts and weak_counts (scheme 'none'");
        result.Output.Should().Contain("note: confidence per timestep: not drawn");
        result.Output.Should().Contain("note: firing rates (training): not drawn: the run recorded none");
        result.Output.Should().Contain("note: firing rates (test): not drawn: the run recorded none");
        result.Output.Should().Contain("note: robust accuracy against ε: not drawn: no robustness.json");
    }

    [Fact]
    public async Task Plot_EvaluationWithoutEarlyExit_SkipsOnlyTheEarlyExitFigure()
    {
        var run = new HandWrittenRun(temporary.Folder("eval")).Train().Evaluate(earlyExit: false);

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(0, result.Error);
        File.Exists(Path.Combine(run.Plots, "accuracy-vs-timesteps.png")).Should().BeTrue();
        File.Exists(Path.Combine(run.Plots, "early-exit.png")).Should().BeFalse();
        result.Output.Should().Contain("note: early exit: not drawn: evaluation.json has no early-exit threshold");
    }

    [Fact]
    public async Task Plot_ReportUnderAnotherName_IsPlottedWhenNamedAndRobustnessFilesByPattern()
    {
        var run = new HandWrittenRun(temporary.Folder("named")).Train().Attack("robustness-pgd.json").Attack("pgd-only.json");

        var result = await CliRun.RunAsync("plot", run.Path, "--robustness", "pgd-only.json");

        result.ExitCode.Should().Be(0, result.Error);
        PngImage.ShouldBeFigure(Path.Combine(run.Plots, "robustness-pgd-linf.png"), 800, 500);
        PngImage.ShouldBeFigure(Path.Combine(run.Plots, "pgd-only-linf.png"), 800, 500);
        File.Exists(Path.Combine(run.Plots, "robustness-linf.png")).Should().BeFalse("the run has no robustness.json");
    }

    [Fact]
    public async Task Plot_MissingDirectory_ExitsWithDataError()
    {
        var missing = Path.Combine(temporary.Path, "nowhere");

        var result = await CliRun.RunAsync("plot", missing);

        result.ExitCode.Should().Be(3);
        result.Error.Should().Be($"error: Run directory '{missing}' does not exist.\n");
    }

    [Fact]
    public async Task Plot_RunWithoutMetrics_ExitsWithDataErrorAndDrawsNothing()
    {
        var run = new HandWrittenRun(temporary.Folder("untrained"));

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(3);
        result.Error.Should().StartWith($"error: '{run.Path}' has no metrics.jsonl, so there is nothing to plot");
        Directory.Exists(run.Plots).Should().BeFalse();
    }

    [Fact]
    public async Task Plot_EmptyMetrics_ExitsWithDataError()
    {
        var run = new HandWrittenRun(temporary.Folder("empty"));
        File.WriteAllText(run.Directory.MetricsPath, "");

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(3);
        result.Error.Should().Contain("holds no epoch yet");
    }

    [Fact]
    public async Task Plot_CorruptMetricsLine_ExitsWithDataErrorNamingTheLine()
    {
        var run = new HandWrittenRun(temporary.Folder("corrupt")).Train(epochs: 2);
        var lines = File.ReadAllLines(run.Directory.MetricsPath);
        File.WriteAllLines(run.Directory.MetricsPath, [lines[0], lines[1][..(lines[1].Length / 2)]]);

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(3);
        result.Error.Should().StartWith($"error: '{run.Directory.MetricsPath}' line 2 is not an epoch's metrics");
        Directory.Exists(run.Plots).Should().BeFalse();
    }

    [Fact]
    public async Task Plot_NamedRobustnessReportMissing_ExitsWithDataErrorNamingIt()
    {
        var run = new HandWrittenRun(temporary.Folder("no-report")).Train();

        var result = await CliRun.RunAsync("plot", run.Path, "--robustness", "robustness-cw.json");

        result.ExitCode.Should().Be(3);
        result.Error.Should().StartWith($"error: Robustness report '{Path.Combine(run.Path, "robustness-cw.json")}' does not exist");
    }

    [Fact]
    public async Task Plot_CorruptRobustnessReport_ExitsWithDataErrorNamingIt()
    {
        var run = new HandWrittenRun(temporary.Folder("bad-report")).Train();
        File.WriteAllText(Path.Combine(run.Path, "robustness.json"), "{\"checkpoint\": \"best.ckpt\", \"attacks\": [");

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(3);
        result.Error.Should().StartWith($"error: '{Path.Combine(run.Path, "robustness.json")}' is not a robustness report");
        PngImage.TemporaryFiles(run.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Plot_EvaluationWithoutItsAccuracies_ExitsWithDataErrorNamingTheField()
    {
        var run = new HandWrittenRun(temporary.Folder("bad-eval")).Train();
        File.WriteAllText(Path.Combine(run.Path, "evaluation.json"), "{\"checkpoint\": \"best.ckpt\", \"samples\": 10}");

        var result = await CliRun.RunAsync("plot", run.Path);

        result.ExitCode.Should().Be(3);
        result.Error.Should().Contain("evaluation.json' has no 'test_accuracy_at_timesteps'");
    }

    [Fact]
    public async Task Plot_Compare_OverlaysTheRunsInTheFirstRunsFolder()
    {
        var first = new HandWrittenRun(temporary.Folder("a"), scheme: "none").Train(diagnostics: false);
        var second = new HandWrittenRun(temporary.Folder("b"), scheme: "strong2weak").Train(epochs: 4);
        var third = new HandWrittenRun(temporary.Folder("c"), scheme: "weak2strong", seed: 1).Train(epochs: 2);

        var result = await CliRun.RunAsync("plot", first.Path, "--compare", second.Path, third.Path);

        result.ExitCode.Should().Be(0, result.Error);
        foreach (var file in new[] { RunComparison.AccuracyFile, RunComparison.LossFile, RunComparison.TimestepsFile })
            PngImage.ShouldBeFigure(Path.Combine(first.Plots, file), 800, 500);
        Directory.Exists(second.Plots).Should().BeFalse("the comparison goes to the first run's folder only");
    }

    [Fact]
    public async Task Plot_CompareWithARunWithoutMetrics_ExitsWithDataErrorBeforeDrawing()
    {
        var first = new HandWrittenRun(temporary.Folder("trained")).Train();
        var other = new HandWrittenRun(temporary.Folder("other"));

        var result = await CliRun.RunAsync("plot", first.Path, "--compare", other.Path);

        result.ExitCode.Should().Be(3);
        result.Error.Should().StartWith($"error: '{other.Path}' has no metrics.jsonl");
        Directory.Exists(first.Plots).Should().BeFalse();
    }
}

using System.Text.RegularExpressions;
using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Sweeps;

namespace Neuromorph.Host.Tests.Plotting;

/// <summary><c>sweep report</c>'s figures and <c>report.md</c>, on sweep directories written by hand.</summary>
public sealed class SweepPlotTests
{
    [Fact]
    public async Task SweepReport_CompletedGroups_DrawsEachKeyMetricAndAccuracyAgainstTimestepsAndLinksThemFromReportMd()
    {
        using var sweep = SyntheticSweep.Grid(["none", "strong2weak"], [0, 1, 2]);
        foreach (var seed in new long[] { 0, 1, 2 })
        {
            sweep.Complete("none", seed, 0.80 + 0.01 * seed, atTimesteps: [0.70 + 0.01 * seed, 0.80 + 0.01 * seed]);
            sweep.Complete("strong2weak", seed, 0.83 + 0.01 * seed, atTimesteps: [0.78 + 0.01 * seed, 0.83 + 0.01 * seed]);
        }

        var result = await CliRun.RunAsync("sweep", "report", sweep.Path);

        result.ExitCode.Should().Be(0, result.Error);
        var plots = Path.Combine(sweep.Path, "plots");
        string[] expected = ["test_accuracy.png", "best_test_accuracy.png", "test_accuracy_k1.png", "train_samples_per_second.png", "accuracy-vs-timesteps.png"];
        Directory.EnumerateFiles(plots).Select(Path.GetFileName).Should().BeEquivalentTo(expected);
        foreach (var file in expected) PngImage.ShouldBeFigure(Path.Combine(plots, file), 800, 500);
        PngImage.TemporaryFiles(sweep.Path).Should().BeEmpty();

        var report = File.ReadAllText(Path.Combine(sweep.Path, "report.md"));
        report.Should().StartWith("# Sweep `synthetic`");
        report.Should().Contain("## Summary");
        report.Should().Contain("| scheme=strong2weak | 3/3 |");
        var links = Regex.Matches(report, @"!\[[^\]]+\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToArray();
        links.Should().Equal(expected.Select(file => $"plots/{file}"));
        report.Should().Contain("![Final test accuracy (%)](plots/test_accuracy.png)");
        report.Should().Contain("[results.md](results.md)");
        result.Output.Should().Contain($"{Path.Combine(sweep.Path, "report.md")} (the summary with 5 figures)");
    }

    [Fact]
    public async Task SweepReport_OneRunPerGroup_DrawsMeansWithoutDeviationsAndStillLinksEveryFigure()
    {
        using var sweep = SyntheticSweep.Grid(["none", "strong2weak", "weak2strong"], [0]);
        sweep.Complete("none", 0, 0.8);
        sweep.Complete("strong2weak", 0, 0.82);

        var result = await CliRun.RunAsync("sweep", "report", sweep.Path);

        result.ExitCode.Should().Be(0, result.Error);
        var report = File.ReadAllText(Path.Combine(sweep.Path, "report.md"));
        foreach (Match link in Regex.Matches(report, @"!\[[^\]]+\]\(([^)]+)\)"))
            PngImage.ShouldBeFigure(Path.Combine(sweep.Path, link.Groups[1].Value), 800, 500);
        report.Should().Contain("**Incomplete: 2 of 3 runs completed**");
    }

    [Fact]
    public async Task SweepReport_AttackedRuns_DrawsRobustAccuracyAgainstEpsilonPerReportAndNorm()
    {
        using var sweep = SyntheticSweep.Grid(["none", "strong2weak"], [0, 1], after: [new AfterStep("attack", ["--attack", "fgsm,pgd"])]);
        foreach (var (scheme, seed, offset) in new[] { ("none", 0L, 0.0), ("none", 1L, 0.02), ("strong2weak", 0L, 0.04), ("strong2weak", 1L, 0.08) })
        {
            sweep.Complete(scheme, seed, 0.80 + offset);
            sweep.Attack(scheme, seed, 0.81 + offset, 0.20 + offset);
        }

        var result = await CliRun.RunAsync("sweep", "report", sweep.Path);

        result.ExitCode.Should().Be(0, result.Error);
        var figure = Path.Combine(sweep.Path, "plots", "robustness-linf.png");
        PngImage.ShouldBeFigure(figure, 800, 500);
        File.ReadAllText(Path.Combine(sweep.Path, "report.md"))
            .Should().Contain("![Robust accuracy against L∞ ε (robustness.json)](plots/robustness-linf.png)");
    }

    [Fact]
    public async Task SweepReport_EvaluatedRunsWithEarlyExit_DrawsEarlyExitAgainstTimestepsPerGroup()
    {
        using var sweep = SyntheticSweep.Grid(["none", "strong2weak"], [0, 1], after: [new AfterStep("eval", ["--early-exit", "0.9"])]);
        foreach (var (scheme, seed, offset) in new[] { ("none", 0L, 0.0), ("none", 1L, 0.02), ("strong2weak", 0L, 0.04), ("strong2weak", 1L, 0.08) })
        {
            sweep.Complete(scheme, seed, 0.80 + offset);
            sweep.Evaluate(scheme, seed, 0.80 + offset, 0.30 + offset, 0.78 + offset, 1.5 + offset);
        }

        var result = await CliRun.RunAsync("sweep", "report", sweep.Path);

        result.ExitCode.Should().Be(0, result.Error);
        PngImage.ShouldBeFigure(Path.Combine(sweep.Path, "plots", "early-exit.png"), 800, 500);
        File.ReadAllText(Path.Combine(sweep.Path, "report.md"))
            .Should().Contain("![Early exit: accuracy against the mean timesteps used (evaluation.json)](plots/early-exit.png)");
    }
}

using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Sweeps.Reporting;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>
/// <c>sweep report</c> on sweep directories written by hand (<see cref="SyntheticSweep"/>): the figures are checked
/// against values worked out by hand here; the statistics themselves against SciPy in <see cref="SweepStatisticsTests"/>.
/// </summary>
public sealed class SweepReportTests
{
    private static readonly string[] Schemes = ["none", "strong2weak"];
    private static readonly long[] Seeds = [0, 1, 2];

    /// <summary>none: 80, 82, 84 % (mean 82, std 2); strong2weak: 83, 86, 86 % (mean 85, std √3); k = 1 is half of each.</summary>
    private static SyntheticSweep CompletedSweep(string? baseline = "none")
    {
        var sweep = SyntheticSweep.Grid(Schemes, Seeds, baseline);
        double[] none = [0.80, 0.82, 0.84];
        double[] strong = [0.83, 0.86, 0.86];
        for (var seed = 0; seed < 3; seed++)
        {
            sweep.Complete("none", seed, none[seed]);
            sweep.Complete("strong2weak", seed, strong[seed], throughput: 900 + 10 * seed);
        }
        return sweep;
    }

    [Fact]
    public async Task Report_CompletedSweep_WritesEachGroupsMeanStdAndN()
    {
        using var sweep = CompletedSweep();

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(0, run.Error);
        var markdown = File.ReadAllText(Path.Combine(sweep.Path, SweepReport.MarkdownFile));
        markdown.Should().StartWith("# Sweep `synthetic`")
            .And.Contain("| scheme=none (baseline) | 3/3 | 82.00 ± 2.00 (3) | 82.00 ± 2.00 (3) | 41.00 ± 1.00 (3) | 1000.0 ± 0.0 (3) |")
            .And.Contain("| scheme=strong2weak | 3/3 | 85.00 ± 1.73 (3) | 85.00 ± 1.73 (3) | 42.50 ± 0.87 (3) | 910.0 ± 10.0 (3) |")
            .And.Contain("- Runs: all 6 completed")
            .And.Contain("`run.epochs=2`");
        var csv = ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile));
        csv.Header.Should().Equal(ResultsCsv.Columns);
        var strong = csv.Row("scheme=strong2weak", "test_accuracy");
        strong["n"].Should().Be("3");
        strong["unit"].Should().Be("%");
        csv.Number("scheme=strong2weak", "test_accuracy", "mean").Should().BeApproximately(85, 1e-9);
        csv.Number("scheme=strong2weak", "test_accuracy", "std").Should().BeApproximately(Math.Sqrt(3), 1e-9);
        csv.Number("scheme=strong2weak", "test_accuracy", "min").Should().BeApproximately(83, 1e-9);
        csv.Number("scheme=strong2weak", "test_accuracy", "max").Should().BeApproximately(86, 1e-9);
        csv.Number("scheme=strong2weak", "test_accuracy", "diff").Should().BeApproximately(3, 1e-9);
        csv.Row("scheme=none", "test_accuracy")["is_baseline"].Should().Be("true");
        csv.Row("scheme=none", "test_accuracy")["diff"].Should().BeEmpty("the baseline is not compared with itself");
        Directory.EnumerateFiles(sweep.Path, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task Report_RunsWithFiringRatesAndSelections_ReportsRatesSharesAndSynOps()
    {
        using var sweep = CompletedSweep();
        // none: layer means 0.2 and 0.2, overall 0.2; strong2weak: 0.1 and 0.1, overall 0.1. Training rates: 0.3 and 0.15.
        var noneRates = new Dictionary<string, double[]> { ["spike1"] = [0.1, 0.3], ["spike2"] = [0.2, 0.2] };
        var strongRates = new Dictionary<string, double[]> { ["spike1"] = [0.05, 0.15], ["spike2"] = [0.1, 0.1] };
        for (var seed = 0; seed < 3; seed++)
        {
            sweep.RecordSpiking("none", seed, noneRates, new() { ["spike1"] = [0.3, 0.3], ["spike2"] = [0.3, 0.3] }, []);
            // strong at t = 1 in 1 of 4 iterations, at t = 2 in 3; weak the other way round.
            sweep.RecordSpiking("strong2weak", seed, strongRates, new() { ["spike1"] = [0.15, 0.15], ["spike2"] = [0.15, 0.15] },
                new() { ["strong_counts"] = [1, 3], ["weak_counts"] = [3, 1], ["distillation_loss"] = [0.5] });
            sweep.EvaluateSpiking("none", seed, 0.8, noneRates, 1000 + 100 * seed);
            sweep.EvaluateSpiking("strong2weak", seed, 0.8, strongRates, 500 + 100 * seed);
        }

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(0, run.Error);
        var csv = ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile));
        csv.Number("scheme=none", "test_firing_rate", "mean").Should().BeApproximately(0.2, 1e-12);
        csv.Number("scheme=strong2weak", "test_firing_rate", "mean").Should().BeApproximately(0.1, 1e-12);
        csv.Number("scheme=strong2weak", "test_firing_rate", "paired_diff").Should().BeApproximately(-0.1, 1e-12);
        csv.Row("scheme=none", "test_firing_rate")["unit"].Should().Be("spikes per neuron per timestep");
        csv.Number("scheme=none", "train_firing_rate", "mean").Should().BeApproximately(0.3, 1e-12);
        csv.Number("scheme=strong2weak", "train_firing_rate", "mean").Should().BeApproximately(0.15, 1e-12);
        csv.Number("scheme=none", "test_firing_rate:spike1", "mean").Should().BeApproximately(0.2, 1e-12);
        csv.Number("scheme=strong2weak", "test_firing_rate:spike2", "mean").Should().BeApproximately(0.1, 1e-12);
        csv.Number("scheme=strong2weak", "strong_share_t1", "mean").Should().BeApproximately(25, 1e-12);
        csv.Number("scheme=strong2weak", "strong_share_t2", "mean").Should().BeApproximately(75, 1e-12);
        csv.Number("scheme=strong2weak", "weak_share_t1", "mean").Should().BeApproximately(75, 1e-12);
        csv.Rows.Should().NotContain(r => r["group"] == "scheme=none" && r["metric"].StartsWith("strong_share"), "vanilla training selects no timestep");
        csv.Number("scheme=none", "synops_per_sample", "mean", "evaluation.json").Should().BeApproximately(1100, 1e-9);
        csv.Number("scheme=strong2weak", "synops_per_sample", "paired_diff", "evaluation.json").Should().BeApproximately(-500, 1e-9);
        var markdown = File.ReadAllText(Path.Combine(sweep.Path, SweepReport.MarkdownFile));
        markdown.Should().Contain("test firing rate (spikes per neuron per timestep)")
            .And.Contain("| scheme=none (baseline) | 3/3 | 82.00 ± 2.00 (3) | 82.00 ± 2.00 (3) | 41.00 ± 1.00 (3) | 0.2000 ± 0.0000 (3) | 1000.0 ± 0.0 (3) |")
            .And.Contain("### strong share of iterations, t = 2 (%; summary.json)")
            .And.Contain("### synaptic operations per sample (SynOps per sample; evaluation.json, last.ckpt, 500 test samples)");
        File.Exists(Path.Combine(sweep.Path, "plots", "test_firing_rate.png")).Should().BeTrue();
    }

    [Fact]
    public async Task Report_SameSeeds_PairsRunsBySeed()
    {
        using var sweep = CompletedSweep();

        await CliRun.RunAsync("sweep", "report", sweep.Path);

        // Per seed, strong2weak − none: 3, 4, 2 percentage points.
        var csv = ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile));
        csv.Row("scheme=strong2weak", "test_accuracy")["paired_n"].Should().Be("3");
        csv.Number("scheme=strong2weak", "test_accuracy", "paired_diff").Should().BeApproximately(3, 1e-9);
        csv.Row("scheme=strong2weak", "test_accuracy")["paired_p"].Should().NotBeEmpty();
    }

    [Fact]
    public async Task Report_OtherSeeds_DoesNotPair_AndSaysSo()
    {
        using var sweep = new SyntheticSweep([("none", 0), ("none", 1), ("none", 2), ("strong2weak", 3), ("strong2weak", 4), ("strong2weak", 5)]);
        foreach (var seed in new long[] { 0, 1, 2 }) sweep.Complete("none", seed, 0.80 + 0.01 * seed);
        foreach (var seed in new long[] { 3, 4, 5 }) sweep.Complete("strong2weak", seed, 0.80 + 0.02 * seed);

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(0, run.Error);
        var row = ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile)).Row("scheme=strong2weak", "test_accuracy");
        row["welch_p"].Should().NotBeEmpty();
        row["paired_n"].Should().BeEmpty();
        row["paired_diff"].Should().BeEmpty();
        row["note"].Should().Contain(SweepResults.NotSameSeeds);
        File.ReadAllText(Path.Combine(sweep.Path, SweepReport.MarkdownFile)).Should().Contain(SweepResults.NotSameSeeds[1..]);
    }

    [Fact]
    public async Task Report_IncompleteSweep_NamesTheRunsNotCounted_AndReportsTheCompletedOnes()
    {
        using var sweep = SyntheticSweep.Grid(Schemes, Seeds);
        sweep.Complete("none", 0, 0.80);
        sweep.Complete("none", 1, 0.82);
        sweep.Complete("strong2weak", 0, 0.85);
        sweep.Interrupt("strong2weak", 1);
        sweep.Fail("strong2weak", 2, "error: training diverged (the loss is NaN)");
        // scheme=none,seed=2 never started: pending.

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(0, run.Error);
        var markdown = File.ReadAllText(Path.Combine(sweep.Path, SweepReport.MarkdownFile));
        markdown.Should().Contain("**Incomplete: 3 of 6 runs completed**")
            .And.Contain("`scheme=strong2weak,seed=1` (interrupted at epoch 1 of 2)")
            .And.Contain("`scheme=none,seed=2` (pending)")
            .And.Contain("`scheme=strong2weak,seed=2` (failed: error: training diverged (the loss is NaN))")
            .And.Contain("| scheme=none (baseline) | 2/3 | 81.00 ± 1.41 (2) |")
            .And.Contain($"| scheme=strong2weak | 1/3 | 85.00 ± —[^");
        run.Output.Should().Contain("**Incomplete: 3 of 6 runs completed**");
        var row = ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile)).Row("scheme=strong2weak", "test_accuracy");
        row["n"].Should().Be("1");
        row["std"].Should().BeEmpty();
        row["welch_p"].Should().BeEmpty();
        // Seed 0 is the only seed both groups completed: one pair, no test.
        row["paired_n"].Should().Be("1");
        double.Parse(row["diff"], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(4, 1e-9);
        row["note"].Should().Contain(GroupStatistics.TooFewRuns).And.Contain(WelchTest.TooFewRuns).And.Contain(PairedTest.TooFewPairs);
    }

    [Theory]
    [InlineData("distillation.scheme=strong2weak")]
    [InlineData("distillation.scheme=\"strong2weak\"")]
    public async Task Report_BaselineOnTheCommandLine_ReplacesTheSweepsBaseline(string baseline)
    {
        using var sweep = CompletedSweep();

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path, "--baseline", baseline);

        run.ExitCode.Should().Be(0, run.Error);
        var csv = ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile));
        csv.Row("scheme=strong2weak", "test_accuracy")["is_baseline"].Should().Be("true");
        csv.Number("scheme=none", "test_accuracy", "diff").Should().BeApproximately(-3, 1e-9);
        run.Output.Should().Contain("## Against the baseline `scheme=strong2weak`").And.Contain("| scheme=strong2weak (baseline) |");
    }

    [Fact]
    public async Task Report_NoBaseline_WritesTheGroupsWithoutComparisons()
    {
        using var sweep = CompletedSweep(baseline: null);

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(0, run.Error);
        var markdown = File.ReadAllText(Path.Combine(sweep.Path, SweepReport.MarkdownFile));
        markdown.Should().Contain("- Baseline: none").And.NotContain("Against the baseline").And.Contain("| scheme=none | 3/3 | 82.00 ± 2.00 (3) |");
        ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile)).Rows.Should().OnlyContain(r => r["diff"] == "" && r["is_baseline"] == "false");
    }

    [Fact]
    public async Task Report_SeedsNotSwept_ShowsDashesWithTheirReasons()
    {
        using var sweep = new SyntheticSweep([("none", null), ("strong2weak", null)]);
        sweep.Complete("none", null, 0.80);
        sweep.Complete("strong2weak", null, 0.84);

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(0, run.Error);
        var markdown = File.ReadAllText(Path.Combine(sweep.Path, SweepReport.MarkdownFile));
        markdown.Should().Contain("| scheme=strong2weak | final test accuracy (pp) | +4.00 | —[^")
            .And.Contain($"{char.ToUpperInvariant(GroupStatistics.TooFewRuns[0])}{GroupStatistics.TooFewRuns[1..]}.")
            .And.NotContain("NaN");
        File.ReadAllText(Path.Combine(sweep.Path, SweepReport.CsvFile)).Should().NotContain("NaN");
    }

    [Fact]
    public async Task Report_EvaluatedAndAttackedRuns_ReportEarlyExitAndRobustAccuracy_AndTheFailedAttack()
    {
        using var sweep = SyntheticSweep.Grid(Schemes, [0, 1], after: [new AfterStep("eval", ["--early-exit", "0.9"]), new AfterStep("attack", ["--attack", "fgsm,pgd"])]);
        foreach (var (scheme, seed, offset) in new[] { ("none", 0L, 0.0), ("none", 1L, 0.02), ("strong2weak", 0L, 0.04), ("strong2weak", 1L, 0.08) })
        {
            sweep.Complete(scheme, seed, 0.80 + offset);
            sweep.Evaluate(scheme, seed, 0.80 + offset, 0.30 + offset, 0.78 + offset, 1.5 + offset);
            sweep.Attack(scheme, seed, 0.81 + offset, 0.20 + offset);
        }

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(0, run.Error);
        var csv = ResultsCsvFile.Read(Path.Combine(sweep.Path, SweepReport.CsvFile));
        csv.Number("scheme=strong2weak", "early_exit_accuracy@0.9", "mean", "evaluation.json").Should().BeApproximately(84, 1e-9);
        csv.Number("scheme=strong2weak", "early_exit_timesteps@0.9", "mean", "evaluation.json").Should().BeApproximately(1.56, 1e-9);
        csv.Row("scheme=strong2weak", "early_exit_timesteps@0.9", "evaluation.json")["unit"].Should().Be("timesteps");
        csv.Number("scheme=none", "test_accuracy_k1", "mean", "evaluation.json").Should().BeApproximately(31, 1e-9);
        csv.Number("scheme=strong2weak", "clean_accuracy", "mean", "robustness.json").Should().BeApproximately(87, 1e-9);
        var fgsm = csv.Row("scheme=strong2weak", "attack_accuracy:fgsm:Linf:8/255", "robustness.json");
        fgsm["checkpoint"].Should().Be("best.ckpt");
        fgsm["samples"].Should().Be("200");
        csv.Number("scheme=strong2weak", "attack_accuracy:fgsm:Linf:8/255", "diff", "robustness.json").Should().BeApproximately(5, 1e-9);
        csv.Rows.Should().NotContain(r => r["metric"].Contains("pgd"));
        File.ReadAllText(Path.Combine(sweep.Path, SweepReport.MarkdownFile))
            .Should().Contain("### robust accuracy, fgsm Linf 8/255 (%; robustness.json, best.ckpt, 200 test samples)")
            .And.Contain("- scheme=none,seed=0: pgd Linf 8/255 failed in robustness.json (out of memory): left out");
    }

    [Fact]
    public async Task Report_PrintsTheOverview_AndWhereTheFilesAre()
    {
        using var sweep = CompletedSweep();

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.Output.Should().Contain("| scheme=none (baseline) | 3/3 | 82.00 ± 2.00 (3) |")
            .And.Contain("| scheme=strong2weak | final test accuracy (pp) | +3.00 |")
            .And.Contain(Path.Combine(sweep.Path, SweepReport.MarkdownFile))
            .And.NotContain("## All metrics");
    }

    [Fact]
    public async Task Report_FolderWithoutPlan_ExitsTwo()
    {
        using var sweep = CompletedSweep();
        File.Delete(sweep.Directory.PlanPath);

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("holds no sweep (no plan.json)");
    }

    [Fact]
    public async Task Report_BaselineOfNoGroup_ExitsTwo_ListingTheGroups()
    {
        using var sweep = CompletedSweep();

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path, "--baseline", "distillation.scheme=cascade");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no group of sweep 'synthetic' has --baseline distillation.scheme = \"cascade\"")
            .And.Contain("Its groups: scheme=none, scheme=strong2weak");
        File.Exists(Path.Combine(sweep.Path, SweepReport.MarkdownFile)).Should().BeFalse();
    }

    [Fact]
    public async Task Report_BaselineOnAKeyThatDoesNotVary_ExitsTwo_NamingTheKeysThatDo()
    {
        using var sweep = CompletedSweep();

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path, "--baseline", "run.epochs=2");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("'run.epochs' does not vary between its runs; the keys that do: distillation.scheme");
    }

    [Theory]
    [InlineData("run.seed=0", "names run.seed")]
    [InlineData("scheme", "--baseline 'scheme': expected section.key=value")]
    public async Task Report_BaselineThatPicksNoGroup_ExitsTwo(string baseline, string message)
    {
        using var sweep = CompletedSweep();

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path, "--baseline", baseline);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
    }

    [Fact]
    public async Task Report_BaselineMatchingTwoGroups_ExitsTwo_NamingThem()
    {
        using var sweep = CompletedSweep();
        // A second key: the groups 'scheme=none,lambda=0.5' and 'scheme=none,lambda=1.0' both have scheme "none".
        var runs = new[] { "0.5", "1.0" }.Select((lambda, i) => new PlannedRun(i, $"scheme=none,lambda={lambda}", $"scheme=none,lambda={lambda}",
            new Dictionary<string, string> { [SyntheticSweep.Scheme] = "\"none\"", ["distillation.lambda"] = lambda })).ToArray();
        (sweep.Plan with { Runs = runs }).Write(sweep.Directory.PlanPath);
        sweep.Directory.Run(runs[0].Name).WriteSummary(sweep.RunDirectory("none", 0).ReadSummary()!);

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("2 groups of sweep 'synthetic' have the sweep's baseline distillation.scheme = \"none\": scheme=none,lambda=0.5, scheme=none,lambda=1.0")
            .And.Contain("(e.g. --baseline 'distillation.scheme=\"none\"' --baseline 'distillation.lambda=0.5')");
    }

    [Fact]
    public async Task Report_NoCompletedRun_ExitsThree_AndWritesNothing()
    {
        using var sweep = SyntheticSweep.Grid(Schemes, Seeds);
        sweep.Interrupt("none", 0);

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("no run of sweep 'synthetic' has completed yet (6 runs: 5 pending, 1 interrupted)");
        File.Exists(Path.Combine(sweep.Path, SweepReport.MarkdownFile)).Should().BeFalse();
        File.Exists(Path.Combine(sweep.Path, SweepReport.CsvFile)).Should().BeFalse();
    }

    [Fact]
    public async Task Report_CorruptSummary_ExitsThree_NamingTheFile()
    {
        using var sweep = CompletedSweep();
        var summary = sweep.RunDirectory("strong2weak", 1).SummaryPath;
        File.WriteAllText(summary, "{\"test_accuracy\": 0.8");

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain($"'{summary}' is not a run summary");
    }

    [Fact]
    public async Task Report_CorruptEvaluation_ExitsThree_NamingTheFile()
    {
        using var sweep = CompletedSweep();
        var evaluation = Path.Combine(sweep.RunDirectory("none", 2).Path, "evaluation.json");
        File.WriteAllText(evaluation, "not json");

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain($"'{evaluation}' is not an evaluation report");
    }

    [Fact]
    public async Task Report_RobustnessReportWithoutItsAttacks_ExitsThree_NamingTheFileAndTheField()
    {
        using var sweep = CompletedSweep();
        var robustness = Path.Combine(sweep.RunDirectory("none", 0).Path, "robustness.json");
        File.WriteAllText(robustness, "{\"checkpoint\": \"best.ckpt\", \"samples\": 10, \"clean_accuracy\": 0.5}");

        var run = await CliRun.RunAsync("sweep", "report", sweep.Path);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain($"'{robustness}' has no 'attacks'");
    }
}

using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>What squeue and sacct print, read into array tasks, and how a task's Slurm state decides its run's state.</summary>
public sealed class SlurmQueueTests : IDisposable
{
    private readonly TemporaryDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void ParseSqueue_ArrayLines_GivesEachTaskItsStateAndReason()
    {
        // squeue --noheader --array --states=all --format=%F|%K|%T|%r, as Slurm 22.05 prints it.
        const string output = "4|1|PENDING|JobArrayTaskLimit\n4|2|PENDING|JobArrayTaskLimit\n4|0|RUNNING|None\n2|1|COMPLETED|None\n";

        var tasks = SlurmQueue.ParseSqueue(output);

        tasks.Should().HaveCount(4);
        tasks[("4", 1)].Should().Be(("PENDING", "JobArrayTaskLimit"));
        tasks[("4", 0)].Should().Be(("RUNNING", "None"));
        tasks[("2", 1)].Should().Be(("COMPLETED", "None"));
    }

    [Fact]
    public void ParseSacct_TaskLines_GivesTheirStatesAndLeavesPendingRangesOut()
    {
        const string output = "12_0|COMPLETED\n12_1|CANCELLED by 0\n12_[2-5%2]|PENDING\n12_3|TIMEOUT\n";

        var tasks = SlurmQueue.ParseSacct(output).ToArray();

        tasks.Should().Equal((("12", 0), "COMPLETED"), (("12", 1), "CANCELLED"), (("12", 3), "TIMEOUT"));
    }

    [Theory]
    [InlineData(null, "interrupted")]
    [InlineData("PENDING", "pending")]
    [InlineData("REQUEUED", "pending")]
    [InlineData("RUNNING", "running")]
    [InlineData("FAILED", "interrupted")]
    public void Of_InterruptedRunWithSlurmState_IsPendingWhileQueuedAndRunningWhileOnANode(string? slurmState, string expected)
    {
        var (sweep, plan) = InterruptedRun();
        var task = slurmState is null ? null : new SlurmTask("7", 0, slurmState, "Priority");

        var state = SweepRunState.Of(sweep, plan, plan.Runs[0], task);

        SweepPlanTable.Name(state.State).Should().Be(expected);
        state.IsUnderway.Should().Be(expected is "pending" or "running");
    }

    [Fact]
    public void Table_SubmittedRuns_ShowEachTaskAndCountThemInTheSummary()
    {
        var (sweep, plan) = InterruptedRun();
        var states = new[]
        {
            SweepRunState.Of(sweep, plan, plan.Runs[0], new SlurmTask("7", 0, "PENDING", "Priority")),
            SweepRunState.Of(sweep, plan, plan.Runs[1], new SlurmTask("7", 1, null, null)),
        };
        using var output = new StringWriter();

        SweepPlanTable.Write(plan, states, output);

        var lines = output.ToString().Split('\n');
        lines.Should().Contain(l => l.Contains("index") && l.Contains("slurm") && l.Contains("detail"));
        lines.Should().Contain(l => l.Contains("seed=0") && l.Contains("pending") && l.Contains("7_0 PENDING (Priority)"));
        lines.Should().Contain(l => l.Contains("seed=1") && l.Contains("pending") && l.Contains("7_1 not in queue"));
        SweepPlanTable.Summary(states).Should().Be("2 runs: 2 pending; Slurm: 1 PENDING, 1 not in queue");
    }

    /// <summary>A sweep of two runs whose first was interrupted (its configuration and an outcome of exit 130 are there).</summary>
    private (SweepDirectory Sweep, SweepPlan Plan) InterruptedRun()
    {
        var sweep = new SweepDirectory(root.Folder("sweep"));
        var plan = new SweepPlan(SweepPlan.CurrentFormat, "s", "/s.toml", "/base.toml", [], new Dictionary<string, string>(), ["run.seed"], [],
        [
            new PlannedRun(0, "seed=0", "base", new Dictionary<string, string> { ["run.seed"] = "0" }),
            new PlannedRun(1, "seed=1", "base", new Dictionary<string, string> { ["run.seed"] = "1" }),
        ]);
        var run = sweep.Run("seed=0");
        Directory.CreateDirectory(run.Path);
        run.WriteConfig("[run]\nseed = 0\n");
        new TaskOutcome(TaskOutcome.Interrupted, ExitCodes.Interrupted, null, "node1", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, []).Write(sweep.Task("seed=0"));
        return (sweep, plan);
    }
}

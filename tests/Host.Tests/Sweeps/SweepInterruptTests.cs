using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Hosting;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>A sweep stopped by a signal passes it to every running task, each of which checkpoints; running the sweep again resumes them.</summary>
public sealed class SweepInterruptTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-sweep-stop-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task CtrlC_StopsEveryTaskWithACheckpoint_Exit130_AndTheNextRunResumesThem()
    {
        // SIGINT to the sweep alone (as `kill -INT` does; Ctrl+C in a terminal reaches the tasks too): it passes SIGTERM on.
        // 500 iterations per run: long enough that the signal lands mid-epoch in both tasks.
        var file = TinySweep.Write(root, "stop", TinySweep.SetTable(trainLimit: 4000) + """
            [grid]
            "run.seed" = [0, 1]
            """);
        var sweepDir = Path.Combine(root, "s");
        int code;
        using (var sweep = HostProcess.Start(root, "sweep", "run", file, "--sweep-dir", sweepDir, "--parallel", "2"))
        {
            sweep.WaitForOutput("started  seed=1");
            WaitForIterations(Path.Combine(sweepDir, "logs", "task-0.out"));
            WaitForIterations(Path.Combine(sweepDir, "logs", "task-1.out"));
            sweep.Send(SignalNumber.Interrupt).Should().BeTrue();
            code = await sweep.ExitCodeAsync();
            sweep.Error.Should().Contain("interrupted: running tasks wrote their checkpoints");
            sweep.Output.Should().Contain("stopped  seed=0").And.Contain("stopped  seed=1");
        }

        code.Should().Be(130);
        foreach (var seed in new[] { 0, 1 })
        {
            File.Exists(Path.Combine(sweepDir, "runs", $"seed={seed}", "checkpoints", "last.ckpt")).Should().BeTrue();
            File.ReadAllText(Path.Combine(sweepDir, "tasks", $"seed={seed}", "outcome.json")).Should().Contain("\"state\": \"interrupted\"");
        }
        (await CliRun.RunAsync("sweep", "status", sweepDir)).Output.Should().Contain("2 runs: 2 interrupted");

        var again = await CliRun.RunAsync("sweep", "run", file, "--sweep-dir", sweepDir, "--parallel", "2");

        again.ExitCode.Should().Be(0, again.Error + again.Output);
        again.Output.Should().Contain("2 runs: 2 completed");
        foreach (var index in new[] { 0, 1 })
            File.ReadAllText(Path.Combine(sweepDir, "logs", $"task-{index}.out")).Should().Contain("resuming at epoch 1, iteration");
    }

    /// <summary>Waits until a task's log shows training progress (a line per five iterations).</summary>
    private static void WaitForIterations(string log)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("iteration 10/")))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{log}' shows no training progress.");
            Thread.Sleep(100);
        }
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Hosting;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>
/// <c>sweep run --executor slurm</c> against a real cluster (this machine as one node, <c>tools/slurm-localhost.sh</c>):
/// the job array trains every run as the local executor does, and a task stopped by Slurm's SIGTERM checkpoints and is
/// resumed by the next <c>sweep run</c>. The host is the built launcher, as a user starts it; the tasks run it again
/// from the tests' output folder, with the test's temporary directory as their working directory.
/// </summary>
public sealed partial class SlurmSweepTests : IDisposable
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(120);
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-slurm-").FullName;
    private readonly List<string> jobs = [];

    public void Dispose()
    {
        // A test that failed half-way leaves no task of its own behind (only the jobs it submitted are cancelled).
        if (jobs.Count > 0 && SlurmClient.Find("scancel") is not null) LocalCluster.Run("scancel", [.. jobs]);
        Directory.Delete(root, recursive: true);
    }

    [SlurmFact]
    public async Task SweepRun_SlurmExecutor_CompletesEveryRunWithTheLocalExecutorsResults()
    {
        LocalCluster.Require();
        var file = WriteSweep("grid", epochs: 1, grid: "\"distillation.scheme\" = [\"none\", \"strong2weak\"]\n\"run.seed\" = [0, 1]\n");
        var onSlurm = Path.Combine(root, "on-slurm");
        var here = Path.Combine(root, "here");

        var jobId = await SubmitAsync(file, onSlurm);
        // The same sweep on the local executor meanwhile, one thread per run as the Slurm tasks (cpus_per_task = 1).
        var local = Task.Run(() => CliRun.RunAsync("sweep", "run", file, "--sweep-dir", here, "--parallel", $"{Environment.ProcessorCount}"));
        await LocalCluster.WaitUntilEndedAsync(jobId, JobTimeout);
        var localRun = await local;

        localRun.ExitCode.Should().Be(0, localRun.Error);
        var status = await CliRun.RunAsync("sweep", "status", onSlurm);
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("4 runs: 4 completed; Slurm: 4 COMPLETED", "{0}", Logs(onSlurm));
        var plan = new SweepDirectory(onSlurm).RequirePlan();
        plan.Runs.Should().HaveCount(4);
        foreach (var run in plan.Runs)
        {
            status.Output.Should().MatchRegex($@"(?m)^\s+{run.Index}\s+{Regex.Escape(run.Name)}\s+completed\s+{jobId}_{run.Index} COMPLETED\s+test accuracy");
            var slurmRun = new SweepDirectory(onSlurm).Run(run.Name);
            var localRunDirectory = new SweepDirectory(here).Run(run.Name);
            var (slurmSummary, localSummary) = (slurmRun.ReadSummary()!, localRunDirectory.ReadSummary()!);
            slurmSummary.Completed.Should().BeTrue();
            slurmSummary.TestAccuracy.Should().Be(localSummary.TestAccuracy, run.Name);
            slurmSummary.TestAccuracyAtTimesteps.Should().Equal(localSummary.TestAccuracyAtTimesteps, run.Name);
            // Bit-identical training, not only equal accuracies on 100 test images.
            slurmRun.ReadMetrics().Single().TrainLoss.Should().Be(localRunDirectory.ReadMetrics().Single().TrainLoss, run.Name);
        }
    }

    [SlurmFact]
    public async Task SlurmTask_SigtermToTheBatchShell_CheckpointsExits130AndSweepRunResumesIt()
    {
        LocalCluster.Require();
        var file = WriteSweep("stop", epochs: 5, grid: "\"run.seed\" = [0]\n");
        var sweepPath = Path.Combine(root, "stop");
        var jobId = await SubmitAsync(file, sweepPath);
        var sweep = new SweepDirectory(sweepPath);
        await WaitForLogAsync(sweep.Log(0, error: false), "iteration 10/");

        // --batch: the batch step's shell, which exec made the host (Slurm sends no signal but KILL to it otherwise).
        // It is what --signal=B:TERM@N sends before the time limit.
        LocalCluster.Run("scancel", "--signal=TERM", "--batch", jobId).ExitCode.Should().Be(0);
        await LocalCluster.WaitUntilEndedAsync(jobId, JobTimeout);

        var outcome = TaskOutcome.Read(sweep.Task("seed=0"));
        outcome.Should().NotBeNull("{0}", Logs(sweepPath));
        outcome!.State.Should().Be(TaskOutcome.Interrupted, "{0}", Logs(sweepPath));
        outcome.ExitCode.Should().Be(ExitCodes.Interrupted);
        File.ReadAllText(sweep.Log(0, error: true)).Should().Contain("SIGTERM received: stopping at the next safe point");
        CheckpointFile.Verify(sweep.Run("seed=0").LastCheckpointPath).GlobalIteration.Should().BeGreaterThanOrEqualTo(10);
        var status = await CliRun.RunAsync("sweep", "status", sweepPath);
        status.Output.Should().MatchRegex($@"(?m)^\s+0\s+seed=0\s+interrupted\s+{jobId}_0 FAILED\s+at epoch \d of 5");

        var again = await CliRun.RunAsync("sweep", "run", file, "--sweep-dir", sweepPath);

        again.ExitCode.Should().Be(0, again.Error);
        File.ReadAllText(sweep.Log(0, error: false)).Should().MatchRegex(@"resuming at epoch \d, iteration \d+ of 40");
        sweep.Run("seed=0").ReadSummary()!.Should().Match<RunSummary>(s => s.Completed && s.EpochsCompleted == 5);
        TaskOutcome.Read(sweep.Task("seed=0"))!.State.Should().Be(TaskOutcome.Completed);
    }

    /// <summary>A sweep of the tiny one-epoch run (<see cref="CliRun.TinyEpoch"/>) over <paramref name="grid"/>, one core per Slurm task.</summary>
    private string WriteSweep(string name, int epochs, string grid)
    {
        var sets = CliRun.TinyEpoch.Where((_, i) => i % 2 == 1).Select(s => s.Split('=', 2)).Where(s => s[0] != "run.epochs");
        var path = Path.Combine(root, $"{name}.toml");
        File.WriteAllText(path, $"""
            [sweep]
            name = "{name}"
            base = "{RepositoryPaths.Config("quickstart.toml")}"

            [set]
            {string.Concat(sets.Select(s => $"\"{s[0]}\" = {s[1]}\n"))}"run.epochs" = {epochs}

            [grid]
            {grid}
            [slurm]
            cpus_per_task = 1
            time = "00:10:00"
            """);
        return path;
    }

    /// <summary>Submits <paramref name="file"/> with the built host, as a user does; returns the job id it printed.</summary>
    private async Task<string> SubmitAsync(string file, string sweepDirectory)
    {
        using var submit = HostProcess.Start(root, "sweep", "run", file, "--executor", "slurm", "--sweep-dir", sweepDirectory);
        (await submit.ExitCodeAsync(TimeSpan.FromSeconds(60))).Should().Be(0, submit.Error);
        var jobId = SubmittedJob().Match(submit.Output).Groups[1].Value;
        jobId.Should().NotBeEmpty(submit.Output);
        jobs.Add(jobId);
        var recorded = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(sweepDirectory, "slurm", "jobs.json")));
        recorded.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).Should().Equal(jobId);
        return jobId;
    }

    private static async Task WaitForLogAsync(string path, string text)
    {
        var deadline = DateTime.UtcNow + JobTimeout;
        while (!(File.Exists(path) && File.ReadAllText(path).Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"'{path}' has no '{text}' within {JobTimeout.TotalSeconds:0} s:\n{(File.Exists(path) ? File.ReadAllText(path) : "(no file)")}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every task log of the sweep, for a failure's message.</summary>
    private static string Logs(string sweepDirectory) =>
        string.Join('\n', Directory.EnumerateFiles(Path.Combine(sweepDirectory, "logs")).Order().Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    [GeneratedRegex(@"submitted job (\d+)")]
    private static partial Regex SubmittedJob();
}

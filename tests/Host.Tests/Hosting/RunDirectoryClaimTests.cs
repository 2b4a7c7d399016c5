using System.Text.Json;
using Neuromorph.Host.Hosting;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Hosting;

/// <summary>
/// One writer per run directory, and no dead ends: a directory in use is refused naming its holder, a run killed
/// before its first checkpoint can be resumed from the beginning, a finished run says so, broken run files are named.
/// </summary>
public sealed class RunDirectoryClaimTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-claim-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string Quickstart => RepositoryPaths.Config("quickstart.toml");

    [Fact]
    public async Task Train_RunDirectoryHeldByAnotherWriter_IsRefusedNamingItsProcessAndHost()
    {
        var runDir = Path.Combine(root, "run");
        using var held = RunDirectoryLock.Acquire(runDir);

        var run = await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, .. CliRun.TinyTraining]);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Error.Should().Contain($"is in use by process {Environment.ProcessId} on host {Environment.MachineName}")
            .And.Contain("one run directory has one writer");
        run.Output.Should().NotContain("run directory:");
    }

    [Fact]
    public async Task Resume_RunDirectoryHeldByAnotherWriter_IsRefused()
    {
        var runDir = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        File.WriteAllText(Path.Combine(runDir, "config.toml"), "");
        using var held = RunDirectoryLock.Acquire(runDir);

        var run = await CliRun.RunAsync("train", Quickstart, "--run-dir", runDir, "--resume");

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Error.Should().Contain($"is in use by process {Environment.ProcessId}");
    }

    [Fact]
    public async Task Train_WithoutRunDirWhileTheDefaultIsInUse_TakesTheNextNameAndIgnoresAppSettings()
    {
        using var held = RunDirectoryLock.Acquire(Path.Combine(root, "runs", "quickstart"));
        // Neuromorph is configured by TOML alone: a broken appsettings.json where it runs changes nothing.
        File.WriteAllText(Path.Combine(root, "appsettings.json"), "{ this is not json");

        using var process = HostProcess.Start(root, ["train", Quickstart, .. CliRun.TinyEpoch]);

        (await process.ExitCodeAsync()).Should().Be(0, process.Error);
        process.Output.Should().Contain($"run directory: {Path.Combine(root, "runs", "quickstart-2")}");
    }

    [Fact]
    public async Task Resume_RunKilledBeforeItsFirstCheckpoint_StartsAgainFromTheBeginning()
    {
        var runDir = Path.Combine(root, "run");
        // 400 iterations of about 13 ms: the kill lands some 5 s before the epoch's end, where the first checkpoint is
        // written, and the resumed run trains all of them again in-process.
        string[] oneLongEpoch = [.. CliRun.TinyEpoch, "--set", "data.train_limit=3200"];
        using (var process = HostProcess.Start(root, ["train", Quickstart, "--run-dir", runDir, .. oneLongEpoch]))
        {
            process.WaitForOutput("iteration 10/");
            process.Send(SignalNumber.Kill);
            await process.ExitCodeAsync();
        }
        File.Exists(Path.Combine(runDir, "checkpoints", "last.ckpt")).Should().BeFalse("the test needs a run killed before its first checkpoint");

        var rerun = await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, .. oneLongEpoch]);
        rerun.ExitCode.Should().Be(ExitCodes.UsageError);
        rerun.Error.Should().Contain("already holds a run. Pass --resume to continue it");

        var resumed = await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, "--resume", .. oneLongEpoch]);
        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Output.Should().Contain("holds no checkpoint: the run stopped before its first one; starting it again from the beginning");
        File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl")).Should().HaveCount(1);
    }

    [Fact]
    public async Task Resume_FinishedRun_SaysItIsFinished_AndCorruptRunFilesAreNamed()
    {
        var runDir = Path.Combine(root, "run");
        var tiny = CliRun.TinyEpoch;
        (await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, .. tiny])).ExitCode.Should().Be(0);

        var finished = await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, "--resume", .. tiny]);
        finished.ExitCode.Should().Be(0, finished.Error);
        finished.Output.Should().Contain("already finished all its epochs: nothing to resume");
        var longer = await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, "--resume", .. tiny, "--set", "run.epochs=3"]);
        longer.ExitCode.Should().Be(ExitCodes.UsageError, "a finished run with another configuration is a new run, not a resume");
        longer.Error.Should().Contain("run.epochs = 1 -> 3");

        var metrics = Path.Combine(runDir, "metrics.jsonl");
        File.AppendAllText(metrics, "{\"epoch\": 2, \"train_loss\": \n");
        var corruptMetrics = await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, "--resume", .. tiny]);
        corruptMetrics.ExitCode.Should().Be(ExitCodes.DataError);
        corruptMetrics.Error.Should().Contain($"'{metrics}' line 2 is not an epoch's metrics");

        File.WriteAllLines(metrics, File.ReadAllLines(metrics).Take(1));
        var summary = Path.Combine(runDir, "summary.json");
        File.WriteAllText(summary, "{ \"dataset\": ");
        var corruptSummary = await CliRun.RunAsync(["train", Quickstart, "--run-dir", runDir, "--resume", .. tiny]);
        corruptSummary.ExitCode.Should().Be(ExitCodes.DataError);
        corruptSummary.Error.Should().Contain($"'{summary}' is not a run summary");
    }

    [Fact]
    public async Task Resume_DirectoryWithoutARun_IsAUsageErrorThatDoesNotPointBack()
    {
        var run = await CliRun.RunAsync("train", Quickstart, "--run-dir", Path.Combine(root, "none"), "--resume");

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Error.Should().Contain("does not exist, so there is nothing to continue. Start the run without --resume");
    }

    [Fact]
    public async Task Train_RunDirUnderAFile_IsAUsageErrorBeforeAnythingIsBuilt()
    {
        var file = Path.Combine(root, "file");
        File.WriteAllText(file, "");

        var run = await CliRun.RunAsync(["train", Quickstart, "--run-dir", Path.Combine(file, "run"), .. CliRun.TinyTraining]);

        run.ExitCode.Should().Be(ExitCodes.UsageError);
        run.Error.Should().Contain($"The run directory '{Path.Combine(file, "run")}' cannot be created or written: '{file}' is a file, not a folder.");
        run.Output.Should().NotContain("parameters");
    }

    [Fact]
    public void Classify_DiskFull_IsARuntimeFailureSayingWhatToDo()
    {
        // /dev/full fails every write with ENOSPC, exactly as a full disk does.
        var write = () =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            full.Write(new byte[4096]);
            full.Flush();
        };
        var exception = write.Should().Throw<IOException>().Which;

        var (code, message) = ErrorReport.Classify(exception);

        code.Should().Be(ExitCodes.RuntimeFailure);
        message.Should().StartWith("the disk is full").And.Contain("Free space there").And.Contain("'train --resume' continues");
    }

    [Fact]
    public void Lock_HolderEnds_NextWriterTakesIt()
    {
        var runDir = Path.Combine(root, "run");
        var first = RunDirectoryLock.Acquire(runDir);
        RunDirectoryLock.TryAcquire(runDir, out var holder).Should().BeNull();
        holder.Should().Contain($"process {Environment.ProcessId}");
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, RunDirectoryLock.OwnerFileName))).RootElement
            .GetProperty("Host").GetString().Should().Be(Environment.MachineName);

        first.Dispose();

        using var second = RunDirectoryLock.TryAcquire(runDir, out _);
        second.Should().NotBeNull();
    }
}

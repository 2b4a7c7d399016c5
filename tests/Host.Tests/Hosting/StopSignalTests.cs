using Neuromorph.Engine.Training;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM at any moment of a <c>train</c> process: during start-up they end it with exit code 130
/// and nothing trained; during training with a checkpoint that <c>--resume</c> continues. Slurm sends SIGTERM at a job's
/// time limit, so both signals must behave the same.
/// </summary>
public sealed class StopSignalTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-signal-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The tiny epoch, repeated often enough (2,000 iterations) that a signal always lands while it trains.</summary>
    private static string[] LongTinyTraining => [.. CliRun.TinyEpoch, "--set", "run.epochs=50"];

    [Theory]
    [InlineData(SignalNumber.Terminate)]
    [InlineData(SignalNumber.Interrupt)]
    public async Task Signal_DuringTraining_WritesTheCheckpointExits130AndResumes(SignalNumber signal)
    {
        var runDir = Path.Combine(root, "run");
        using var process = HostProcess.Start(root, ["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir, .. LongTinyTraining]);
        process.WaitForOutput("iteration 10/");

        process.Send(signal);
        // A second signal while the run stops must not cut its checkpoint short (sent once the first one was taken:
        // the kernel merges a signal sent while the same one is still pending).
        process.WaitForError("received: stopping");
        var secondDelivered = process.Send(signal);

        (await process.ExitCodeAsync()).Should().Be(ExitCodes.Interrupted, process.Error);
        process.Error.Should().Contain("received: stopping at the next safe point").And.Contain("checkpoint written; continue with --resume");
        if (secondDelivered) process.Error.Should().Contain("received again: already stopping");

        // The checkpoint is whole (verified) and holds the iterations run so far; resuming from it is bit-exact (the
        // training loop's tests).
        CheckpointFile.Verify(Path.Combine(runDir, "checkpoints", "last.ckpt")).GlobalIteration.Should().BeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public async Task Signal_DuringStartUpBlockedReadingAFifo_Exits130SayingNothingWasTrained()
    {
        // A FIFO as the training images: opening it waits for a writer that never comes.
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        MakeFifo(Path.Combine(data, "train-images-idx3-ubyte"));
        foreach (var name in new[] { "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            File.WriteAllBytes(Path.Combine(data, name), []);
        var runDir = Path.Combine(root, "run");
        using var process = HostProcess.Start(root, ["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir,
            "--set", "data.dataset=\"fashion-mnist\"", "--set", $"data.path=\"{data}\""]);
        // Start-up reaches the data (the lock is taken just before it) and blocks there.
        await WaitUntilAsync(() => File.Exists(Path.Combine(runDir, ".lock-owner")));
        await Task.Delay(500);

        process.Send(SignalNumber.Terminate);
        process.Send(SignalNumber.Interrupt);

        (await process.ExitCodeAsync(TimeSpan.FromSeconds(30))).Should().Be(ExitCodes.Interrupted, process.Error);
        process.Error.Should().Contain("nothing was trained").And.NotContain("Unhandled exception").And.NotContain("unexpected failure");
        File.Exists(Path.Combine(runDir, "checkpoints", "last.ckpt")).Should().BeFalse();
    }

    [Fact]
    public async Task Signal_DuringStartUp_Exits130AndLeavesADirectoryThatANewRunCanUse()
    {
        var runDir = Path.Combine(root, "run");
        using var process = HostProcess.Start(root, ["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir]);
        await WaitUntilAsync(() => File.Exists(Path.Combine(runDir, ".lock-owner")));

        process.Send(SignalNumber.Interrupt);

        (await process.ExitCodeAsync(TimeSpan.FromSeconds(30))).Should().Be(ExitCodes.Interrupted, process.Error);
        process.Error.Should().NotContain("Unhandled exception").And.NotContain("unexpected failure");
        var again = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir, .. CliRun.TinyEpoch]);
        // Start-up wrote nothing that counts as a run (its configuration is taken back), so the directory is free again.
        again.ExitCode.Should().Be(0, again.Error);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not come true within two minutes.");
            await Task.Delay(50);
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }
}

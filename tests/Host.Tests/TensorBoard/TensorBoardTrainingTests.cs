using Neuromorph.Engine.Training;
using Neuromorph.Host.Hosting;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.HotReload;

namespace Neuromorph.Host.Tests.TensorBoard;

/// <summary>
/// <c>train</c>'s TensorBoard event files read back with the tests' own reader: the tags and steps, values equal to
/// what <c>metrics.jsonl</c> records, a text entry per hot reload, nothing with <c>run.tensorboard = false</c>, and a run
/// killed and resumed holding each step once.
/// </summary>
public sealed class TensorBoardTrainingTests : IDisposable
{
    private const int IterationsPerEpoch = 40;
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-tensorboard-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string RunDir => Path.Combine(root, "run");

    /// <summary><see cref="CliRun.TinyEpoch"/> with the strong2weak scheme, every iteration logged.</summary>
    private static readonly string[] Overrides =
        [.. ScriptedRun.TinyEpoch, "run.log_every=1", "distillation.scheme=\"strong2weak\""];

    [Fact]
    public async Task Train_TinyEpoch_WritesEveryIterationAndTheEpochAsMetricsRecordThem()
    {
        var started = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var run = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", RunDir, .. Sets(Overrides)]);
        var finished = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("checkpoints/, tensorboard/)");
        Directory.GetFiles(Path.Combine(RunDir, "tensorboard")).Should().ContainSingle()
            .Which.Should().Match("*/events.out.tfevents.*");
        var tensorboard = TensorBoardValues.Read(RunDir);
        tensorboard.Events[0].FileVersion.Should().Be("brain.Event:2");
        tensorboard.ShouldHaveEachStepOnce();
        tensorboard.All.Select(v => v.WallTime).Should().OnlyContain(time => time >= started - 1 && time <= finished + 1, "wall times are Unix seconds");

        var iterations = Enumerable.Range(1, IterationsPerEpoch).Select(n => (long)n).ToArray();
        foreach (var tag in new[] { "train/loss", "train/learning_rate", "train/distillation_loss" })
            tensorboard.Steps(tag).Should().Equal(iterations, $"'{tag}' is written at every iteration with log_every = 1");
        // Cosine over the 40 iterations: iteration n runs at 0.003 · ½(1 + cos(π (n − 1) / 40)).
        foreach (var n in iterations)
            tensorboard.Scalar("train/learning_rate", n).Should().Be((float)(0.003 * 0.5 * (1 + Math.Cos(Math.PI * (n - 1) / IterationsPerEpoch))));
        var metrics = TensorBoardValues.Metrics(RunDir).Should().ContainSingle().Subject;
        // The epoch's loss is the mean of its iterations' losses, the distillation term's the mean of its values.
        iterations.Average(n => (double)tensorboard.Scalar("train/loss", n))
            .Should().BeApproximately(metrics.GetProperty("train_loss").GetDouble(), 1e-9);
        iterations.Average(n => (double)tensorboard.Scalar("train/distillation_loss", n))
            .Should().BeApproximately(metrics.GetProperty("diagnostics").GetProperty("distillation_loss")[0].GetDouble(), 1e-6);

        var expected = TensorBoardValues.ExpectedEpochScalars(metrics);
        expected.Keys.Should().Contain(["confidence/t1", "strong_share/t1", "weak_share/t1", "test_accuracy_first_k/2", "phase_seconds/forward"]);
        tensorboard.EpochScalarsAt(IterationsPerEpoch).Should().Equal(expected);
        tensorboard.All.Select(v => v.Value.Tag).Distinct().Should().BeEquivalentTo(
            ["train/loss", "train/learning_rate", "train/distillation_loss", .. expected.Keys], "nothing else is written");
    }

    [Fact]
    public async Task Train_TensorboardFalse_WritesNoEventFile()
    {
        var run = await CliRun.RunAsync(
            ["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", RunDir, .. Sets([.. Overrides, "data.train_limit=16", "run.tensorboard=false"])]);

        run.ExitCode.Should().Be(0, run.Error);
        Directory.Exists(Path.Combine(RunDir, "tensorboard")).Should().BeFalse();
        Directory.GetFiles(root, "*tfevents*", SearchOption.AllDirectories).Should().BeEmpty();
        run.Output.Should().Contain("(summary.json, metrics.jsonl, checkpoints/)");
    }

    [Fact]
    public async Task Resume_FromAMidEpochCheckpointOfAKilledRun_HasEachStepOnceAcrossTheFiles()
    {
        // Two epochs, last.ckpt written at every iteration boundary. The first process dies after iteration 60 (an
        // observer throws: the files are left as a kill leaves them); its last.ckpt is then put back to the one of
        // iteration 50, as if the next had not been due, and its event file loses its last bytes, as if it was killed
        // while writing. Steps 51 to 59 are in the file and must not be there twice.
        string[] overrides = [.. Overrides, "run.epochs=2", "checkpoint.every_minutes=0.00001"];
        var lastCheckpoint = Path.Combine(RunDir, "checkpoints", "last.ckpt");
        var killed = new KilledAfter(iteration: 60, keepCheckpointOf: 50, keepAs: Path.Combine(root, "iteration-50.ckpt"));
        using (var error = new StringWriter())
        {
            var code = await TrainingHost.RunAsync(
                new TrainRequest(RepositoryPaths.Config("quickstart.toml"), overrides, RunDir, Resume: false), TextWriter.Null, error, _ => [killed]);
            code.Should().Be(ExitCodes.RuntimeFailure, error.ToString());
        }
        File.Copy(killed.KeepAs, lastCheckpoint, overwrite: true);
        TensorBoardValues.Read(RunDir).Steps("train/loss").Should().Equal(Enumerable.Range(1, 59).Select(n => (long)n));
        var eventFile = Directory.GetFiles(Path.Combine(RunDir, "tensorboard")).Should().ContainSingle().Subject;
        using (var file = File.OpenWrite(eventFile)) file.SetLength(file.Length - 3);

        var resumed = await CliRun.RunAsync(
            ["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", RunDir, "--resume", .. Sets(overrides)]);

        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Output.Should().Contain("resuming at epoch 2, iteration 10 of 40").And.Contain("written after iteration 50");
        Directory.GetFiles(Path.Combine(RunDir, "tensorboard"), "*tfevents*").Should().HaveCount(2);
        var tensorboard = TensorBoardValues.Read(RunDir);
        tensorboard.ShouldHaveEachStepOnce();
        var allIterations = Enumerable.Range(1, 2 * IterationsPerEpoch).Select(n => (long)n).ToArray();
        tensorboard.Steps("train/loss").Should().Equal(allIterations);
        tensorboard.Steps("train/distillation_loss").Should().Equal(allIterations);
        var metrics = TensorBoardValues.Metrics(RunDir);
        metrics.Should().HaveCount(2);
        tensorboard.EpochScalarsAt(IterationsPerEpoch).Should().Equal(TensorBoardValues.ExpectedEpochScalars(metrics[0]));
        tensorboard.EpochScalarsAt(2 * IterationsPerEpoch).Should().Equal(TensorBoardValues.ExpectedEpochScalars(metrics[1]));
        // Iterations 41-50 of the killed process and 51-80 of the resumed one are the second epoch's, each once.
        allIterations.Skip(IterationsPerEpoch).Average(n => (double)tensorboard.Scalar("train/loss", n))
            .Should().BeApproximately(metrics[1].GetProperty("train_loss").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Resume_RunRecordedWithoutTensorBoard_AddsItsFinishedEpochFromTheMetrics()
    {
        // A run of a Neuromorph before TensorBoard: no event files, and a config.toml without run.tensorboard (read as
        // the default, true). It died in its second epoch, after the first epoch's checkpoint.
        string[] overrides = [.. Overrides, "run.epochs=2", "checkpoint.every_minutes=0"];
        using (var error = new StringWriter())
        {
            var code = await TrainingHost.RunAsync(
                new TrainRequest(RepositoryPaths.Config("quickstart.toml"), [.. overrides, "run.tensorboard=false"], RunDir, Resume: false),
                TextWriter.Null, error, _ => [new KilledAfter(iteration: 45)]);
            code.Should().Be(ExitCodes.RuntimeFailure, error.ToString());
        }
        Directory.Exists(Path.Combine(RunDir, "tensorboard")).Should().BeFalse();
        var configPath = Path.Combine(RunDir, "config.toml");
        var recorded = File.ReadAllLines(configPath);
        recorded.Should().Contain("tensorboard = false");
        File.WriteAllLines(configPath, recorded.Where(line => line != "tensorboard = false"));

        var resumed = await CliRun.RunAsync(
            ["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", RunDir, "--resume", .. Sets(overrides)]);

        resumed.ExitCode.Should().Be(0, resumed.Error);
        var tensorboard = TensorBoardValues.Read(RunDir);
        tensorboard.ShouldHaveEachStepOnce();
        tensorboard.Steps("train/loss").Should().Equal(Enumerable.Range(IterationsPerEpoch + 1, IterationsPerEpoch).Select(n => (long)n));
        var metrics = TensorBoardValues.Metrics(RunDir);
        tensorboard.EpochScalarsAt(IterationsPerEpoch).Should().Equal(TensorBoardValues.ExpectedEpochScalars(metrics[0]));
        tensorboard.EpochScalarsAt(2 * IterationsPerEpoch).Should().Equal(TensorBoardValues.ExpectedEpochScalars(metrics[1]));
    }

    [Fact]
    public async Task Train_SettingReloadedMidRun_WritesATextEntryNamingItAtItsIteration()
    {
        const int changeAfter = 10;
        var configPath = Path.Combine(RunDir, "config.toml");
        var script = new ScriptedRun();
        script.After(changeAfter, _ =>
        {
            File.WriteAllText(configPath, File.ReadAllText(configPath).Replace("lr = 0.003", "lr = 0.0015", StringComparison.Ordinal));
            script.WaitForChange();
        });

        var code = await script.RunAsync(RepositoryPaths.Config("quickstart.toml"), RunDir, [.. ScriptedRun.TinyEpoch, "plugins.hot_reload=true"]);

        code.Should().Be(0, script.Output);
        var reload = TensorBoardValues.Metrics(RunDir)[0].GetProperty("plugin_reloads").EnumerateArray().Should().ContainSingle().Subject;
        var text = TensorBoardValues.Read(RunDir).All.Where(v => v.Value.Text is not null).Should().ContainSingle().Subject;
        text.Value.Tag.Should().Be("hot_reload/text_summary");
        text.Value.PluginName.Should().Be("text");
        text.Step.Should().Be(changeAfter);
        text.Value.Text.Should().Contain(
            $"setting 'optimizer.lr' {reload.GetProperty("old").GetString()} -> {reload.GetProperty("new").GetString()}: applied");
    }

    [Fact]
    public async Task Train_MoreIterationsThanTensorBoardStepsHold_IsAConfigurationError()
    {
        // 320 samples in batches of 1 for ten million epochs: 3.2 billion iterations, beyond a 32-bit step.
        var run = await CliRun.RunAsync(
            ["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", RunDir, .. Sets([.. Overrides, "data.batch_size=1", "run.epochs=10000000"])]);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.Output);
        run.Error.Should().Contain("run.tensorboard = true: this run has 3,200,000,000 iterations").And.Contain("run.tensorboard = false");
        File.Exists(Path.Combine(RunDir, "config.toml")).Should().BeFalse("a run refused before training leaves its directory free");
    }

    private static IEnumerable<string> Sets(IEnumerable<string> overrides) => overrides.SelectMany(o => new[] { "--set", o });

    /// <summary>
    /// Ends the run after <paramref name="iteration"/> by throwing from the training thread, as abruptly as a kill for
    /// the run's files; keeps a copy of the <c>last.ckpt</c> written after <paramref name="keepCheckpointOf"/>.
    /// </summary>
    private sealed class KilledAfter(long iteration, long keepCheckpointOf = -1, string keepAs = "") : ITrainingObserver
    {
        public string KeepAs => keepAs;

        public void CheckpointWritten(string path, SimulationClock clock)
        {
            if (clock.GlobalIteration == keepCheckpointOf && Path.GetFileName(path) == "last.ckpt") File.Copy(path, keepAs, overwrite: true);
        }

        public void IterationCompleted(SimulationClock clock, IterationReport report)
        {
            if (clock.GlobalIteration == iteration) throw new InvalidOperationException($"killed after iteration {iteration}");
        }
    }
}

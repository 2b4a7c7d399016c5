using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

/// <summary><c>train</c> of the quickstart, cut to <see cref="CliRun.TinyTraining"/>: the shared tiny run is that training.</summary>
public sealed class TrainCommandTests(TrainedTinyRun trained) : IClassFixture<TrainedTinyRun>
{
    [Fact]
    public async Task Train_QuickstartOnEmbeddedData_LearnsAndWritesTheRunDirectory()
    {
        var runDir = trained.RunDir;

        var run = trained.Training;

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("epoch 1/2 iteration 5/40");
        var metrics = File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        metrics.Should().HaveCount(2);
        metrics[1].GetProperty("train_loss").GetDouble().Should().BeLessThan(metrics[0].GetProperty("train_loss").GetDouble());
        metrics[1].GetProperty("test_accuracy_at_timesteps").GetArrayLength().Should().Be(2);
        foreach (var key in new[] { "epoch", "train_accuracy", "test_accuracy", "lr", "seconds", "train_samples_per_second" })
            metrics[0].TryGetProperty(key, out _).Should().BeTrue(key);

        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "summary.json"))).RootElement;
        summary.GetProperty("dataset").GetString().Should().Be("embedded-fashion-mnist");
        summary.GetProperty("model").GetString().Should().Be("csnn");
        summary.GetProperty("neuron").GetString().Should().Be("lif");
        summary.GetProperty("scheme").GetString().Should().Be("none");
        summary.GetProperty("timesteps").GetInt32().Should().Be(2);
        summary.GetProperty("epochs").GetInt32().Should().Be(2);
        // Ten balanced classes: chance is 0.1; two short epochs on real images reach far above it.
        summary.GetProperty("test_accuracy").GetDouble().Should().BeInRange(0.4, 1.0);
        summary.GetProperty("wall_seconds").GetDouble().Should().BePositive();
        File.ReadAllText(Path.Combine(runDir, "config.toml")).Should().Contain("timesteps = 2");
        File.Exists(Path.Combine(runDir, "checkpoints", "last.ckpt")).Should().BeTrue();
        File.Exists(Path.Combine(runDir, "checkpoints", "best.ckpt")).Should().BeTrue();

        var eval = await CliRun.RunAsync("eval", runDir);
        eval.ExitCode.Should().Be(0, eval.Error);
        var evaluation = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "evaluation.json"))).RootElement;
        evaluation.GetProperty("test_accuracy").GetDouble().Should().Be(summary.GetProperty("best_test_accuracy").GetDouble());

        var again = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir, .. CliRun.TinyTraining]);
        again.ExitCode.Should().Be(2);
        again.Error.Should().Contain("already holds a run").And.Contain("--resume");
    }
}

using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

public sealed class EvalCommandTests(TrainedTinyRun trained) : IClassFixture<TrainedTinyRun>
{
    private string RunDir => trained.RunDir;

    [Fact]
    public async Task Eval_TimestepsOne_MatchesTheFirstTimestepAccuracyAndKeepsTheDefaultFile()
    {
        var full = await EvaluateAsync("evaluation.json");
        var defaultText = File.ReadAllText(Path.Combine(RunDir, "evaluation.json"));

        var run = await CliRun.RunAsync("eval", RunDir, "--timesteps", "1");

        run.ExitCode.Should().Be(0, run.Error);
        var low = JsonDocument.Parse(File.ReadAllText(Path.Combine(RunDir, "evaluation-t1.json"))).RootElement;
        low.GetProperty("timesteps").GetInt32().Should().Be(1);
        low.GetProperty("checkpoint").GetString().Should().Be("best.ckpt");
        low.GetProperty("test_accuracy_at_timesteps").GetArrayLength().Should().Be(1);
        var firstTimestep = full.GetProperty("test_accuracy_at_timesteps")[0].GetDouble();
        low.GetProperty("test_accuracy").GetDouble().Should().Be(firstTimestep);
        // The same figure as the training-time evaluation of the epoch that wrote best.ckpt.
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(RunDir, "summary.json"))).RootElement;
        var bestEpoch = summary.GetProperty("best_epoch").GetInt32();
        var metrics = File.ReadAllLines(Path.Combine(RunDir, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        low.GetProperty("test_accuracy").GetDouble().Should().Be(metrics[bestEpoch - 1].GetProperty("test_accuracy_at_timesteps")[0].GetDouble());
        File.ReadAllText(Path.Combine(RunDir, "evaluation.json")).Should().Be(defaultText, "a low-latency evaluation writes its own file");
        run.Output.Should().Contain("mean over k = 1 of T = 2");
    }

    [Fact]
    public async Task Eval_Default_WritesTheKnownKeysTimestepsAndNoEarlyExit()
    {
        var evaluation = await EvaluateAsync("evaluation.json");

        foreach (var key in new[] { "checkpoint", "samples", "test_accuracy", "test_accuracy_at_timesteps" })
            evaluation.TryGetProperty(key, out _).Should().BeTrue(key);
        evaluation.GetProperty("samples").GetInt32().Should().Be(500);
        evaluation.GetProperty("timesteps").GetInt32().Should().Be(2);
        evaluation.GetProperty("early_exit").GetArrayLength().Should().Be(0);
        evaluation.GetProperty("test_accuracy_at_timesteps")[1].GetDouble().Should().Be(evaluation.GetProperty("test_accuracy").GetDouble());
    }

    [Fact]
    public async Task Eval_EarlyExit_ThresholdOneUsesAllTimestepsAndGivesTheFullAccuracy()
    {
        var run = await CliRun.RunAsync("eval", RunDir, "--early-exit", "0.9", "--early-exit", "1.0", "--early-exit", "0.05");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("early exit θ = 0.9").And.Contain("early exit θ = 1");
        var evaluation = JsonDocument.Parse(File.ReadAllText(Path.Combine(RunDir, "evaluation.json"))).RootElement;
        var exits = evaluation.GetProperty("early_exit").EnumerateArray().ToList();
        exits.Select(e => e.GetProperty("threshold").GetDouble()).Should().Equal(0.9, 1.0, 0.05);
        var loose = exits[0];
        loose.GetProperty("mean_timesteps").GetDouble().Should().BeInRange(1.0, 2.0);
        loose.GetProperty("accuracy").GetDouble().Should().BeInRange(0.0, 1.0);
        // θ = 1.0 needs a softmax of exactly 1 in double precision: in practice every sample runs all T = 2.
        var strict = exits[1];
        strict.GetProperty("mean_timesteps").GetDouble().Should().BeApproximately(2.0, 0.01);
        strict.GetProperty("accuracy").GetDouble().Should().BeApproximately(evaluation.GetProperty("test_accuracy").GetDouble(), 0.005);
        // With ten classes the top softmax probability is never below 0.1, so θ = 0.05 exits every sample at t = 1.
        var eager = exits[2];
        eager.GetProperty("mean_timesteps").GetDouble().Should().Be(1.0);
        eager.GetProperty("accuracy").GetDouble().Should().Be(evaluation.GetProperty("test_accuracy_at_timesteps")[0].GetDouble());
    }

    [Theory]
    [InlineData("--timesteps", "0", "between 1 and 2")]
    [InlineData("--timesteps", "3", "between 1 and 2")]
    [InlineData("--early-exit", "0", "0 < θ <= 1")]
    [InlineData("--early-exit", "1.5", "0 < θ <= 1")]
    [InlineData("--early-exit", "-0.2", "0 < θ <= 1")]
    [InlineData("--early-exit", "high", "high")]
    public async Task Eval_OutOfRangeOrMalformedValue_IsAUsageError(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("eval", RunDir, option, value);

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().Contain(message);
        File.Exists(Path.Combine(RunDir, $"evaluation-t{value}.json")).Should().BeFalse();
    }

    private async Task<JsonElement> EvaluateAsync(string file)
    {
        var run = await CliRun.RunAsync("eval", RunDir);
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(RunDir, file))).RootElement;
    }
}

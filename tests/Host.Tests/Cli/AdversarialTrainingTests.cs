using System.Text.Json;

namespace Neuromorph.Host.Tests.Cli;

/// <summary><c>[adversarial_training]</c>: a run trains on FGSM examples with the orthogonality regulariser and records both.</summary>
public sealed class AdversarialTrainingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-adversarial-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Train_WithFgsmExamplesAndOrthogonality_RecordsTheirCostAndPenalty()
    {
        var runDir = Path.Combine(root, "run");

        var run = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir, .. CliRun.TinyEpoch,
            "--set", "adversarial_training.attack=fgsm", "--set", "adversarial_training.fraction=0.5",
            "--set", "adversarial_training.orthogonality_weight=0.001", "--set", "adversarial_training.options.epsilon=0.05"]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("adversarial training: fgsm@0.05 examples for 50% of each batch, orthogonality regulariser beta = 0.001");
        var metrics = JsonDocument.Parse(File.ReadAllLines(Path.Combine(runDir, "metrics.jsonl"))[0]).RootElement;
        metrics.GetProperty("adversarial_seconds").GetDouble().Should().BePositive();
        metrics.GetProperty("diagnostics").GetProperty("orthogonality_penalty")[0].GetDouble().Should().BePositive();
        var config = File.ReadAllText(Path.Combine(runDir, "config.toml"));
        config.Should().Contain("[adversarial_training]").And.Contain("attack = \"fgsm\"").And.Contain("epsilon = 0.05");
    }

    [Theory]
    [InlineData("adversarial_training.attack=pdg", "Did you mean 'pgd'")]
    [InlineData("adversarial_training.fraction=0", "adversarial_training.fraction")]
    [InlineData("adversarial_training.orthogonality_weight=-1", "adversarial_training.orthogonality_weight")]
    [InlineData("adversarial_training.options.epsilon=0.1", "adversarial_training.attack = \"none\" takes no options")]
    public async Task Train_BadAdversarialSettings_Exit2(string assignment, string expected)
    {
        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "bad"), "--set", assignment);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(expected);
    }

    [Fact]
    public async Task Train_BadAttackOptionForTraining_NamesTheKey()
    {
        var run = await CliRun.RunAsync("train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root, "bad"),
            "--set", "adversarial_training.attack=pgd", "--set", "adversarial_training.options.steps=0");

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain("adversarial_training.options.steps");
    }
}

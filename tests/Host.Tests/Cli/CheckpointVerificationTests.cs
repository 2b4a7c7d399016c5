using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// <c>eval</c>, <c>attack</c> and <c>train --resume</c> on a damaged or foreign checkpoint: each exits 3 naming the
/// file and what is wrong, before any evaluation. Every test damages its own copy of one tiny trained run.
/// </summary>
public sealed class CheckpointVerificationTests(TrainedTinyRun trained) : IClassFixture<TrainedTinyRun>, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-ckpt-verify-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Eval_CheckpointOfAnotherT_Exit3NamingTheFileAndBothT()
    {
        var run = CopyRun();
        var config = Path.Combine(run, "config.toml");
        var toml = File.ReadAllText(config);
        File.WriteAllText(config, Regex.Replace(toml, @"(\[model\][^\[]*?)timesteps = 2\b", "${1}timesteps = 4"));
        File.ReadAllText(config).Should().NotBe(toml, "the test edits the run's T");

        var eval = await CliRun.RunAsync("eval", run);

        eval.ExitCode.Should().Be(3, eval.Output);
        eval.Error.Should().Contain(Checkpoint(run, "best")).And.Contain("is for T = 2, this run has T = 4").And.NotContain("   at ");
        File.Exists(Path.Combine(run, "evaluation.json")).Should().BeFalse();
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("attack")]
    public async Task OneBitFlippedInTheWeights_Exit3Checksum(string verb)
    {
        var run = CopyRun();
        var path = Checkpoint(run, "best");
        var bytes = File.ReadAllBytes(path);
        // Inside the hidden layer's weights (32 x 392 floats), well past the tensor's name and shape.
        bytes[IndexOf(bytes, "body.fc1.weight") + 2000] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var result = await Run(verb, run, "best");

        result.ExitCode.Should().Be(3, result.Output);
        result.Error.Should().Contain($"Checkpoint '{path}' has a checksum mismatch: the file is corrupt (bit flip or partial copy).");
        Directory.EnumerateFiles(run, "*.json").Select(Path.GetFileName).Should().Equal(["summary.json"], "nothing was evaluated");
    }

    [Theory]
    [InlineData("eval", "best")]
    [InlineData("eval", "last")]
    [InlineData("resume", "last")]
    public async Task CutInsideTheOptimizerState_Exit3_ForEvalThoughItNeedsNoOptimizer(string verb, string which)
    {
        var run = CopyRun();
        var path = Checkpoint(run, which);
        var length = new FileInfo(path).Length;
        // The optimizer state (Adam: two moments per weight) is the last and largest part of the file.
        Truncate(path, length - 1000);

        var result = await Run(verb, run, which);

        result.ExitCode.Should().Be(3, result.Output);
        result.Error.Should().Contain($"Checkpoint '{path}' is cut short: it ends inside the optimizer state at byte {length - 1000:N0} of {length:N0}");
    }

    [Theory]
    [InlineData("best")]
    [InlineData("last")]
    public async Task Eval_CheckpointNameIsADirectory_Exit3InsteadOfFallingBack(string which)
    {
        var run = CopyRun();
        var path = Checkpoint(run, which);
        File.Delete(path);
        Directory.CreateDirectory(path);

        var eval = await Run("eval", run, which);

        eval.ExitCode.Should().Be(3, eval.Output);
        eval.Error.Should().Contain($"Checkpoint '{path}' is a directory, not a checkpoint file");
        File.Exists(Path.Combine(run, "evaluation.json")).Should().BeFalse("best.ckpt being a directory must not fall back to last.ckpt");
    }

    [Fact]
    public async Task Eval_Format1Checkpoint_LoadsWithANoteAndGivesTheSameAccuracy()
    {
        var run = CopyRun();
        var verified = await CliRun.RunAsync("eval", run);
        var accuracy = TestAccuracy(run);
        var path = Checkpoint(run, "best");
        RewriteAsFormat1(path);

        var eval = await CliRun.RunAsync("eval", run);

        verified.ExitCode.Should().Be(0, verified.Error);
        verified.Output.Should().NotContain("note:");
        eval.ExitCode.Should().Be(0, eval.Error);
        eval.Output.Should().Contain($"note: '{path}' has format 1, which carries no checksum: it was loaded without verifying its bytes.");
        TestAccuracy(run).Should().Be(accuracy);
    }

    /// <summary>Runs <paramref name="verb"/> (eval, attack or resume) on <paramref name="run"/>'s <paramref name="which"/> checkpoint.</summary>
    private static Task<CliRun> Run(string verb, string run, string which) => verb switch
    {
        "eval" => CliRun.RunAsync("eval", run, "--checkpoint", which),
        "attack" => CliRun.RunAsync("attack", run, "--checkpoint", which, "--attack", "fgsm", "--limit", "32"),
        "resume" when which == "last" => CliRun.RunAsync("train", Path.Combine(run, "config.toml"), "--run-dir", run, "--resume"),
        _ => throw new ArgumentException($"no command '{verb}' for the {which} checkpoint", nameof(verb)),
    };

    /// <summary>A copy of the trained run (configuration, metrics, both checkpoints) to damage.</summary>
    private string CopyRun()
    {
        var copy = Path.Combine(root, Guid.NewGuid().ToString("N"));
        TrainedTinyRun.CopyTo(trained.RunDir, copy);
        return copy;
    }

    private static string Checkpoint(string run, string which) => Path.Combine(run, "checkpoints", which + ".ckpt");

    private static int IndexOf(byte[] bytes, string name)
    {
        var index = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name));
        index.Should().BePositive($"the checkpoint holds '{name}'");
        return index;
    }

    private static double TestAccuracy(string run) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "evaluation.json"))).RootElement.GetProperty("test_accuracy").GetDouble();

    /// <summary>
    /// What a Neuromorph before format 2 wrote for the same weights: the header without the state shapes and at
    /// format 1, no lengths and checksum block, the same parts.
    /// </summary>
    private static void RewriteAsFormat1(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var header = JsonNode.Parse(bytes.AsSpan(12, headerLength))!.AsObject();
        header["FormatVersion"] = 1;
        header.Remove("StateShapes");
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        File.WriteAllBytes(path, [.. bytes[..8], .. length, .. json, .. bytes[(12 + headerLength + CheckpointLayout.BlockSize)..]]);
    }

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
    }
}

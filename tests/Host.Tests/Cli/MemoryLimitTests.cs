namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// A network no machine could hold is refused before it is allocated, by every verb that builds it: csnn with
/// channels [4096, 4096] and 1,048,576 hidden units has 4096·7·7·1048576 ≈ 2.1e11 weights in its first fully connected
/// layer alone (842 GB of floats).
/// </summary>
public sealed class MemoryLimitTests : IDisposable
{
    private static readonly string[] Huge = ["--set", "model.channels=[4096, 4096]", "--set", "model.hidden=1048576"];
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-memory-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Train_NetworkBeyondTheMachinesMemory_NamesTheKeysToLower_Exit2()
    {
        var runDir = Path.Combine(root, "r");

        var run = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", runDir, .. Huge]);

        run.ExitCode.Should().Be(2, run.Error);
        // conv1 9·4096 + bn1 2·4096 + conv2 9·4096² + bn2 2·4096 + fc1 4096·49·1048576 + fc2 1048576·10 + 10 parameters, at
        // 64 bytes each plus 64 MiB: (64·210,614,931,466 + 2^26) / 2^40 = 12.26 TiB. They outweigh any batch here, so the
        // sizes come first among the keys to lower.
        run.Error.Should().MatchRegex("""^error: model "csnn" needs about [0-9.,]+ TiB of memory, estimated before allocating any of it: """)
            .And.Contain(": 12.3 TiB for its 210,614,931,466 parameters with their gradients and optimizer state, and ")
            .And.MatchRegex("""\(data\.(test_)?batch_size = (64|500), model\.timesteps = 4\)\. Only [0-9.,]+ [GTM]iB is available \(""")
            .And.MatchRegex("""lower model\.channels, model\.hidden, data\.(test_)?batch_size or model\.timesteps\.\n$""");
        run.Error.Should().NotContain("   at ");
        Directory.Exists(runDir).Should().BeFalse("nothing is written before the configuration is known to fit");
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("attack")]
    public async Task EvalAndAttack_RunWhoseNetworkCannotFit_AreRefusedBeforeTheCheckpointIsRead_Exit2(string verb)
    {
        // The checkpoint is not a checkpoint: reading it would be a data error (exit 3), so exit 2 shows it was not read.
        var runDir = Path.Combine(root, "run");
        CliRun.WriteConfig(runDir, "[model]\nchannels = [4096, 4096]\nhidden = 1048576\n");
        File.Move(Path.Combine(runDir, "run.toml"), Path.Combine(runDir, "config.toml"));
        Directory.CreateDirectory(Path.Combine(runDir, "checkpoints"));
        File.WriteAllText(Path.Combine(runDir, "checkpoints", "last.ckpt"), "not a checkpoint");

        var run = await CliRun.RunAsync(verb, runDir);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().StartWith("error: model \"csnn\" needs about ").And.Contain("lower model.channels, model.hidden, ");
    }
}

using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Plotting;

/// <summary>A run trained once per test class with <see cref="CliRun.TinyEpoch"/> (T = 2; one epoch of half a second).</summary>
public sealed class TinyEpochRun : IAsyncLifetime
{
    private readonly TemporaryDirectory root = new();

    public string RunDir => Path.Combine(root.Path, "run");

    /// <summary>What <c>train</c> printed.</summary>
    internal CliRun Training { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Training = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", RunDir, .. CliRun.TinyEpoch]);
        if (Training.ExitCode != 0) throw new InvalidOperationException($"The tiny run failed ({Training.ExitCode}): {Training.Error}");
    }

    public Task DisposeAsync()
    {
        root.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A copy of the run, for a test that changes it.</summary>
    public string Copy(string name)
    {
        var copy = Path.Combine(root.Path, name);
        TrainedTinyRun.CopyTo(RunDir, copy);
        return copy;
    }
}

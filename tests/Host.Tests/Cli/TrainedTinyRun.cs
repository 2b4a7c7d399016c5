namespace Neuromorph.Host.Tests.Cli;

/// <summary>One tiny training run (T = 2, two short epochs on embedded data) shared by the eval tests.</summary>
public sealed class TrainedTinyRun : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-eval-").FullName;

    public string RunDir => Path.Combine(root, "run");

    public async Task InitializeAsync()
    {
        var run = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", RunDir, .. CliRun.TinyTraining]);
        if (run.ExitCode != 0) throw new InvalidOperationException($"The tiny training run failed ({run.ExitCode}): {run.Error}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }
}

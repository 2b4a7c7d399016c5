using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>
/// A tiny trained run (T = 2, two short epochs on embedded data, <see cref="CliRun.TinyTraining"/>) for the classes
/// that check a training or evaluate or attack its result. It is trained once per test process and each class gets its
/// own copy, so what one class writes into its run directory (reports, evaluations) no other class sees; a copy costs
/// milliseconds, a training seconds.
/// </summary>
public sealed class TrainedTinyRun : IAsyncLifetime
{
    private static readonly Lazy<Task<(TemporaryDirectory Root, CliRun Training)>> Original = new(TrainAsync);
    private readonly TemporaryDirectory copy = new();

    public string RunDir => Path.Combine(copy.Path, "run");

    /// <summary>What the <c>train</c> command that made the run returned and printed.</summary>
    internal CliRun Training { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (root, training) = await Original.Value;
        CopyTo(Path.Combine(root.Path, "run"), RunDir);
        Training = training;
    }

    public Task DisposeAsync()
    {
        copy.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Copies the run directory <paramref name="source"/>, every file of it, to <paramref name="target"/>.</summary>
    public static void CopyTo(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var path = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(file, path);
        }
    }

    private static async Task<(TemporaryDirectory, CliRun)> TrainAsync()
    {
        var root = new TemporaryDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => root.Dispose();
        var run = await CliRun.RunAsync(["train", RepositoryPaths.Config("quickstart.toml"), "--run-dir", Path.Combine(root.Path, "run"), .. CliRun.TinyTraining]);
        if (run.ExitCode != 0) throw new InvalidOperationException($"The tiny training run failed ({run.ExitCode}): {run.Error}");
        return (root, run);
    }
}

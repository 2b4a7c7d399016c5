using Neuromorph.Host.Cli;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// A tiny, fast training setup on the embedded data that learns (two epochs of 40 iterations reach a test accuracy
    /// well above chance): override keys for tests.
    /// </summary>
    public static readonly string[] TinyTraining =
    [
        "--set", "data.train_limit=1280", "--set", "data.test_limit=500", "--set", "data.batch_size=32", "--set", "run.epochs=2",
        .. TinyNetwork(),
    ];

    /// <summary>
    /// One epoch of 40 iterations, in batches of 8, tested on 100 images: for tests that need a run and its iterations
    /// (hot reload at chosen iterations, a plugin failing on its 20th call, a finished run), not what it learns. The
    /// epoch, its test included, takes 0.5 s on two cores against 1.8 s for an epoch of <see cref="TinyTraining"/>.
    /// </summary>
    public static readonly string[] TinyEpoch =
    [
        "--set", "data.train_limit=320", "--set", "data.test_limit=100", "--set", "data.batch_size=8", "--set", "run.epochs=1",
        .. TinyNetwork(),
    ];

    /// <summary>
    /// The network and optimizer of the tiny setups. (ATan: with layers this narrow the rectangular surrogate's zero
    /// gradient far from threshold leaves the hidden layer silent.)
    /// </summary>
    private static string[] TinyNetwork() =>
    [
        "--set", "model.channels=[4, 8]", "--set", "model.hidden=32", "--set", "model.timesteps=2",
        "--set", "optimizer.name=\"adam\"", "--set", "optimizer.lr=0.003", "--set", "run.log_every=5", "--set", "neuron.surrogate=\"atan\"",
    ];

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string WriteConfig(string directory, string toml)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "run.toml");
        File.WriteAllText(path, toml);
        return path;
    }
}

using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>Sweep files over the quickstart configuration shrunk to a run of a second (CliRun.TinyEpoch's sizes).</summary>
internal static class TinySweep
{
    /// <summary>The <c>[set]</c> table of a tiny run: 40 iterations of 8 images on a narrow network, tested on 100 images.</summary>
    public static string SetTable(int trainLimit = 320) => $"""
        [set]
        "run.epochs" = 1
        "run.log_every" = 5
        "data.train_limit" = {trainLimit}
        "data.test_limit" = 100
        "data.batch_size" = 8
        "model.channels" = [4, 8]
        "model.hidden" = 32
        "model.timesteps" = 2
        "neuron.surrogate" = "atan"
        "optimizer.lr" = 0.003
        "checkpoint.every_minutes" = 0

        """;

    /// <summary>Writes <c>&lt;folder&gt;/&lt;name&gt;.toml</c>: a <c>[sweep]</c> table over the quickstart, then <paramref name="body"/>.</summary>
    public static string Write(string folder, string name, string body, string baseline = "")
    {
        var path = Path.Combine(folder, name + ".toml");
        var quickstart = RepositoryPaths.Config("quickstart.toml").Replace("\\", "/");
        File.WriteAllText(path, $"""
            [sweep]
            name = "{name}"
            base = "{quickstart}"
            {baseline}

            {body}
            """);
        return path;
    }

    /// <summary>Two schemes × two seeds of the tiny run.</summary>
    public static string SchemesBySeeds(string folder, string name, string extraGrid = "") =>
        Write(folder, name, SetTable() + $"""
            [grid]
            "distillation.scheme" = ["none", "strong2weak"]
            "run.seed" = [0, 1]
            {extraGrid}
            """);
}

using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>Every sweep file the repository ships (the example and the experiments) validates as <c>sweep run</c> validates it.</summary>
public sealed class ShippedSweepFileTests
{
    private static readonly string[] Files =
    [
        "config/sweep.toml",
        "experiments/self-distillation/embedded.toml",
        "experiments/self-distillation/fashion-mnist.toml",
        "experiments/robustness/sweep.toml",
        "experiments/event-saccade/sweep.toml",
        "experiments/reproduction/static.toml",
        "experiments/reproduction/events.toml",
        "experiments/reproduction/robustness.toml",
        "experiments/reproduction/variants.toml",
    ];

    public static TheoryData<string> SweepFiles() => new(Files);

    [Theory]
    [MemberData(nameof(SweepFiles))]
    public void ShippedSweepFile_EveryRunValidates(string relativePath)
    {
        var file = SweepFile.Load(Path.Combine(RepositoryPaths.Root, relativePath));
        var runs = SweepExpansion.Expand(file);
        var emptyDirectory = new SweepDirectory(Path.Combine(Path.GetTempPath(), $"neuromorph-no-sweep-{Guid.NewGuid():N}"));

        FluentActions.Invoking(() => SweepValidation.Check(file, runs, emptyDirectory)).Should().NotThrow();
        runs.Should().NotBeEmpty();
    }

    [Fact]
    public void ShippedSweepFiles_AreAllListed()
    {
        var listed = Files.ToHashSet();
        var shipped = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "experiments"), "*.toml", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}runs{Path.DirectorySeparatorChar}") && Path.GetFileName(path) != SweepDirectory.SweepFileName)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'));

        listed.Should().Contain(shipped);
    }
}

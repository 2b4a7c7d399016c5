using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Tests.Hosting;

/// <summary>
/// <c>--resume</c> compares the recorded configuration with the new one after filling in defaults, so a run recorded
/// before a key existed resumes, while a real change is still refused.
/// </summary>
public sealed class ResumeCompatibilityTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-resume-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void CheckSame_RecordedBeforeNewKeysExisted_IsAccepted()
    {
        var effective = RunConfiguration.Default.ToToml();
        // What an earlier version wrote: the same values, without the tables and keys added since.
        var older = TomlText.Format(Without(TomlText.Parse(effective, "effective.toml")));
        older.Should().NotContain("adversarial_training").And.NotContain("hot_reload");
        var runDirectory = Record(older);

        FluentActions.Invoking(() => RecordedConfiguration.CheckSame(runDirectory, effective)).Should().NotThrow();
    }

    [Fact]
    public void CheckSame_ChangedValue_IsRefusedNamingIt()
    {
        var runDirectory = Record(RunConfiguration.Default.ToToml());
        var changed = (RunConfiguration.Default with { Model = new ModelSection(Hidden: 64) }).ToToml();

        FluentActions.Invoking(() => RecordedConfiguration.CheckSame(runDirectory, changed))
            .Should().Throw<ConfigurationException>().WithMessage("*model.hidden = 256 -> 64*");
    }

    [Fact]
    public void CheckSame_ValuesSwappedBetweenTwoKeysOfTheSameName_IsRefusedNamingBoth()
    {
        // run.name and optimizer.name swap values: every line "name = ..." still appears once, so only a comparison
        // by dotted key sees the change (as a set of lines it passed, and the optimizer state then failed to load).
        var configuration = RunConfiguration.Default;
        var runDirectory = Record((configuration with
        {
            Run = configuration.Run with { Name = "sgd" }, Optimizer = configuration.Optimizer with { Name = "adam" },
        }).ToToml());
        var swapped = (configuration with
        {
            Run = configuration.Run with { Name = "adam" }, Optimizer = configuration.Optimizer with { Name = "sgd" },
        }).ToToml();

        FluentActions.Invoking(() => RecordedConfiguration.CheckSame(runDirectory, swapped))
            .Should().Throw<ConfigurationException>()
            .WithMessage("*optimizer.name = \"adam\" -> \"sgd\"*").WithMessage("*run.name = \"sgd\" -> \"adam\"*");
    }

    [Fact]
    public void CheckSame_RecordedConfigurationMissing_IsARunDirectoryErrorNamingTheFile()
    {
        var runDirectory = new RunDirectory(root);

        FluentActions.Invoking(() => RecordedConfiguration.CheckSame(runDirectory, RunConfiguration.Default.ToToml()))
            .Should().Throw<RunDirectoryException>().WithMessage($"*{Path.Combine(root, "config.toml")}' is missing*");
    }

    [Fact]
    public void CheckSame_RecordedConfigurationCorrupt_IsARunDirectoryError()
    {
        var runDirectory = Record("[model\nhidden = ");

        FluentActions.Invoking(() => RecordedConfiguration.CheckSame(runDirectory, RunConfiguration.Default.ToToml()))
            .Should().Throw<RunDirectoryException>().WithMessage("*recorded configuration does not read*");
    }

    private RunDirectory Record(string toml)
    {
        File.WriteAllText(Path.Combine(root, "config.toml"), toml);
        return new RunDirectory(root);
    }

    private static Tomlyn.Model.TomlTable Without(Tomlyn.Model.TomlTable document)
    {
        document.Remove("adversarial_training");
        document.Remove("attack");
        ((Tomlyn.Model.TomlTable)document["plugins"]).Remove("hot_reload");
        return document;
    }
}

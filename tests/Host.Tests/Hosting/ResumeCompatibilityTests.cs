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
    public void CheckResumable_RecordedBeforeNewKeysExisted_IsAccepted()
    {
        var effective = RunConfiguration.Default.ToToml();
        // What an earlier version wrote: the same values, without the tables and keys added since.
        var older = TomlText.Format(Without(TomlText.Parse(effective, "effective.toml")));
        older.Should().NotContain("adversarial_training").And.NotContain("hot_reload");
        var runDirectory = Record(older);

        FluentActions.Invoking(() => RunDirectoryResolver.CheckResumable(runDirectory, effective)).Should().NotThrow();
    }

    [Fact]
    public void CheckResumable_ChangedValue_IsRefusedNamingIt()
    {
        var runDirectory = Record(RunConfiguration.Default.ToToml());
        var changed = (RunConfiguration.Default with { Model = new ModelSection(Hidden: 64) }).ToToml();

        FluentActions.Invoking(() => RunDirectoryResolver.CheckResumable(runDirectory, changed))
            .Should().Throw<ConfigurationException>().WithMessage("*hidden = 64*");
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

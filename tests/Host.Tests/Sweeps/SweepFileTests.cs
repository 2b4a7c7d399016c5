using Neuromorph.Host.Configuration;
using Neuromorph.Host.Sweeps;

namespace Neuromorph.Host.Tests.Sweeps;

public sealed class SweepFileTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-sweep-file-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Load_QuotedAndNestedKeys_GiveTheSameOverrides()
    {
        var quoted = SweepFile.Load(TinySweep.Write(root, "quoted", "[grid]\n\"distillation.scheme\" = [\"none\"]\n\"run.seed\" = [1, 2]\n"));
        var nested = SweepFile.Load(TinySweep.Write(root, "nested", "[grid]\ndistillation.scheme = [\"none\"]\nrun.seed = [1, 2]\n"));

        nested.Grid.Select(a => a.Key).Should().Equal("distillation.scheme", "run.seed");
        nested.Grid.Select(a => a.Key).Should().Equal(quoted.Grid.Select(a => a.Key));
        nested.Grid[1].Values.Should().Equal(1L, 2L);
    }

    [Fact]
    public void Load_RelativeBase_IsReadFromTheSweepFilesFolder()
    {
        File.WriteAllText(Path.Combine(root, "base.toml"), "[run]\nname = \"b\"\n");
        var path = Path.Combine(root, "s.toml");
        File.WriteAllText(path, "[sweep]\nname = \"s\"\nbase = \"base.toml\"\n[grid]\n\"run.seed\" = [0]\n");

        SweepFile.Load(path).BasePath.Should().Be(Path.Combine(root, "base.toml"));
    }

    [Theory]
    [InlineData("[grids]\n\"run.seed\" = [0]\n", "'grids' is not a table of a sweep file: did you mean 'grid'?")]
    [InlineData("[grid]\n", "the grid is empty")]
    [InlineData("[grid]\n\"run.seed\" = []\n", "grid: \"run.seed\" = [] is empty")]
    [InlineData("[grid]\n\"run.seed\" = 3\n", "grid: \"run.seed\" = 3 is not a list")]
    [InlineData("[grid]\nseed = [1]\n", "'seed' is not a configuration key")]
    [InlineData("[grid]\n\"run.seed\" = [0]\n[[after]]\ncommand = \"train\"\n", "after[1].command = \"train\"")]
    [InlineData("[grid]\n\"run.seed\" = [0]\n[[after]]\ncommand = \"eval\"\nargs = [\"--early-exits\", \"0.9\"]\n", "'--early-exits'")]
    [InlineData("[grid]\n\"run.seed\" = [0]\n[slurm]\ncpus = 2\n", "slurm.cpus")]
    public void Load_MalformedSweep_NamesTheProblem(string body, string expected)
    {
        var path = TinySweep.Write(root, "bad", body);

        var load = () => SweepFile.Load(path);

        load.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("bad.toml").And.Contain(expected);
    }

    [Fact]
    public void Load_MissingBaseOrUnsafeName_NamesTheKey()
    {
        var missing = Path.Combine(root, "m.toml");
        File.WriteAllText(missing, "[sweep]\nname = \"m\"\nbase = \"nowhere.toml\"\n[grid]\n\"run.seed\" = [0]\n");
        var unsafeName = TinySweep.Write(root, "u", "[grid]\n\"run.seed\" = [0]\n").Replace("u.toml", "u2.toml");
        File.WriteAllText(unsafeName, File.ReadAllText(Path.Combine(root, "u.toml")).Replace("name = \"u\"", "name = \"../up\""));

        FluentActions.Invoking(() => SweepFile.Load(missing)).Should().Throw<ConfigurationException>()
            .Which.Message.Should().Contain("sweep.base = \"nowhere.toml\"").And.Contain(Path.Combine(root, "nowhere.toml"));
        FluentActions.Invoking(() => SweepFile.Load(unsafeName)).Should().Throw<ConfigurationException>()
            .Which.Message.Should().Contain("sweep.name = \"../up\"");
        FluentActions.Invoking(() => SweepFile.Load(Path.Combine(root, "absent.toml"))).Should().Throw<ConfigurationException>()
            .Which.Message.Should().Contain("not found");
    }
}

using Neuromorph.Host.Configuration;
using Neuromorph.Host.Sweeps;

namespace Neuromorph.Host.Tests.Sweeps;

public sealed class SweepExpansionTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("neuromorph-sweep-expansion-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Expand_Grid_IsSeedMajorWithReadableNamesAndGroups()
    {
        var runs = Expand("[grid]\n\"distillation.scheme\" = [\"none\", \"strong2weak\"]\n\"run.seed\" = [0, 1]\n");

        runs.Select(r => r.Name).Should().Equal(
            "scheme=none,seed=0", "scheme=strong2weak,seed=0", "scheme=none,seed=1", "scheme=strong2weak,seed=1");
        runs.Select(r => r.Group).Should().Equal("scheme=none", "scheme=strong2weak", "scheme=none", "scheme=strong2weak");
        runs[3].Overrides.Select(o => o.Assignment).Should().Equal("distillation.scheme=\"strong2weak\"", "run.seed=1");
    }

    [Fact]
    public void Expand_RunsEntries_AreOneMoreAxisCrossedWithTheGrid()
    {
        var runs = Expand("[grid]\n\"run.seed\" = [3, 4]\n[[runs]]\n\"optimizer.lr\" = 0.001\n[[runs]]\n\"optimizer.lr\" = 0.0003\n\"model.channels\" = [4, 8]\n");

        runs.Select(r => r.Name).Should().Equal(
            "lr=0.001,seed=3", "lr=0.0003,channels=4-8,seed=3", "lr=0.001,seed=4", "lr=0.0003,channels=4-8,seed=4");
        runs[1].Overrides.Select(o => o.Assignment).Should().Equal("optimizer.lr=0.0003", "model.channels=[4, 8]", "run.seed=3");
    }

    [Fact]
    public void Expand_TwoKeysWithOneLastSegment_NameBothInFull()
    {
        var runs = Expand("[grid]\n\"neuron.options.tau\" = [2.0]\n\"distillation.tau\" = [1.5]\n");

        runs.Single().Name.Should().Be("neuron.options.tau=2,distillation.tau=1.5");
    }

    [Fact]
    public void Expand_KeyInBothGridAndEntry_OrClashingNames_IsAnError()
    {
        FluentActions.Invoking(() => Expand("[grid]\n\"run.seed\" = [0]\n[[runs]]\n\"run.seed\" = 1\n"))
            .Should().Throw<ConfigurationException>().Which.Message.Should().Contain("'run.seed' is set by both");
        FluentActions.Invoking(() => Expand("[grid]\n\"data.path\" = [\"a/b\", \"a_b\"]\n"))
            .Should().Throw<ConfigurationException>().Which.Message.Should().Contain("'path=a_b'");
    }

    [Fact]
    public void Expand_VeryLongName_IsCutWithAHashAndStaysUnique()
    {
        var longA = new string('a', 200);
        var runs = Expand($"[grid]\n\"run.name\" = [\"{longA}x\", \"{longA}y\"]\n");

        runs.Should().AllSatisfy(r => r.Name.Length.Should().BeLessThanOrEqualTo(120));
        runs[0].Name.Should().NotBe(runs[1].Name);
    }

    [Fact]
    public void Plan_ReRun_KeepsEveryRunsIndexAndGivesNewRunsNewOnes()
    {
        var first = SweepFile.Load(TinySweep.Write(root, "p", "[grid]\n\"run.seed\" = [0, 1]\n\"distillation.scheme\" = [\"none\"]\n"));
        var firstPlan = SweepPlan.Make(first, SweepExpansion.Expand(first), previous: null);
        var second = SweepFile.Load(TinySweep.Write(root, "p", "[grid]\n\"run.seed\" = [0, 1, 2]\n\"distillation.scheme\" = [\"none\", \"strong2weak\"]\n"));

        var plan = SweepPlan.Make(second, SweepExpansion.Expand(second), firstPlan);

        firstPlan.Runs.Select(r => (r.Index, r.Name)).Should().Equal((0, "seed=0,scheme=none"), (1, "seed=1,scheme=none"));
        plan.Runs.ToDictionary(r => r.Name, r => r.Index).Should().Equal(new Dictionary<string, int>
        {
            ["seed=0,scheme=none"] = 0, ["seed=1,scheme=none"] = 1,
            ["seed=0,scheme=strong2weak"] = 2, ["seed=1,scheme=strong2weak"] = 3,
            ["seed=2,scheme=none"] = 4, ["seed=2,scheme=strong2weak"] = 5,
        });
    }

    [Fact]
    public void IndexRanges_AreWrittenAsSlurmArraysTakeThem() =>
        IndexRanges.Format([7, 0, 1, 2, 3, 5, 8]).Should().Be("0-3,5,7-8");

    private IReadOnlyList<SweepRun> Expand(string body) => SweepExpansion.Expand(SweepFile.Load(TinySweep.Write(root, "e", body)));
}

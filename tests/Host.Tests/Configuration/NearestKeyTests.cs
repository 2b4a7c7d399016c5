using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class NearestKeyTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("epochs", "epochs", 0)]
    [InlineData("lfi", "lif", 1)]
    [InlineData("ca", "abc", 3)]
    public void Levenshtein_KnownPairs_GivesTheEditDistance(string a, string b, int expected)
    {
        NearestKey.Levenshtein(a, b).Should().Be(expected);
        NearestKey.Levenshtein(b, a).Should().Be(expected);
    }

    [Fact]
    public void Find_TieBetweenTables_PrefersTheEarlierCandidate()
    {
        NearestKey.Find("x.name", ["run.name", "model.name"]).Should().Be("run.name");
    }

    [Fact]
    public void Find_NothingClose_ReturnsNull()
    {
        NearestKey.Find("run.zzz", ["run.seed", "run.epochs"]).Should().BeNull();
    }
}

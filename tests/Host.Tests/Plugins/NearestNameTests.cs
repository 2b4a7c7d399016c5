using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Tests.Plugins;

public sealed class NearestNameTests
{
    [Theory]
    [InlineData("lif", "lif", 0)]
    [InlineData("lif", "alif", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "plif", 4)]
    public void Distance_KnownPairs_CountsEdits(string a, string b, int expected)
    {
        NearestName.Distance(a, b).Should().Be(expected);
    }

    [Fact]
    public void Find_Typo_ReturnsTheClosestName()
    {
        NearestName.Find("strong2waek", ["weak2strong", "strong2weak", "none"]).Should().Be("strong2weak");
    }

    [Fact]
    public void Find_DifferentCase_IgnoresCase()
    {
        NearestName.Find("LIF", ["plif", "lif"]).Should().Be("lif");
    }

    [Fact]
    public void Find_NothingClose_ReturnsNull()
    {
        NearestName.Find("fgsm", ["strong2weak", "weak2strong"]).Should().BeNull();
    }
}

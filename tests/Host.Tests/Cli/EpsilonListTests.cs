using Neuromorph.Abstractions;
using Neuromorph.Host.Cli;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Cli;

public sealed class EpsilonListTests
{
    [Fact]
    public void Parse_OneListWithoutANorm_AppliesToEveryNorm()
    {
        var sweep = EpsilonList.Parse(["0, 2/255,8/255"]);

        foreach (var norm in Enum.GetValues<PerturbationNorm>())
            sweep.For(norm).Should().Equal(0.0, 2.0 / 255, 8.0 / 255);
    }

    [Fact]
    public void Parse_AListPerNorm_GivesEachNormItsOwn_AndTheUnprefixedListToTheRest()
    {
        var sweep = EpsilonList.Parse(["8/255", "L2:0.5,1"]);

        sweep.For(PerturbationNorm.Linf).Should().Equal(8.0 / 255);
        sweep.For(PerturbationNorm.L2).Should().Equal(0.5, 1.0);
        sweep.For(PerturbationNorm.Other).Should().Equal(8.0 / 255);
    }

    [Fact]
    public void Parse_OnlyPrefixedLists_LeavesTheOtherNormsUnswept()
    {
        var sweep = EpsilonList.Parse(["linf:0,4/255"]);

        sweep.For(PerturbationNorm.Linf).Should().Equal(0.0, 4.0 / 255);
        sweep.For(PerturbationNorm.L2).Should().BeNull();
    }

    [Theory]
    [InlineData("l3:0.5", "'l3' is not a norm")]
    [InlineData("l3:0.5", "linf:, l2: or other:")]
    [InlineData("0:1", "'0' is not a norm")]
    [InlineData("l2:-1", "out of range")]
    [InlineData("l2:", "'' is not a number")]
    [InlineData("linf:eight", "'eight' is not a number")]
    public void Parse_BadList_ExplainsWhatAndHow(string text, string expected)
    {
        var parse = () => EpsilonList.Parse([text]);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Contain($"--epsilons '{text}'").And.Contain(expected);
    }

    [Theory]
    [InlineData("l2:1", "L2:2", "two lists for l2")]
    [InlineData("0,1", "2", "two lists for every norm")]
    public void Parse_TwoListsForTheSameNorms_IsAnError(string first, string second, string expected)
    {
        var parse = () => EpsilonList.Parse([first, second]);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Contain(expected);
    }
}

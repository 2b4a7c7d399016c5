using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class SyntaxErrorTests
{
    // Positions are 1-based and were counted by hand on the texts below.
    [Theory]
    [InlineData("[run]\nepochs = \n", "config/run.toml:2:10: *")]          // value missing after "epochs = "
    [InlineData("[model]\ntimesteps = 4 5\n", "config/run.toml:2:15: *")] // the stray "5"
    [InlineData("[run]\nepochs = 1\nepochs = 2\n", "config/run.toml:3:1: *")] // repeated key
    [InlineData("[run]\nseed = 1\n\n[run]\nepochs = 2\n", "config/run.toml:4:1: *")] // repeated table
    public void Parse_InvalidToml_NamesFileLineAndColumn(string text, string expected)
    {
        var parse = () => ConfigurationLoader.Parse(text, "config/run.toml", []);

        parse.Should().Throw<ConfigurationException>().WithMessage(expected);
    }

    [Fact]
    public void Parse_MissingValue_SaysWhatIsMissing()
    {
        var parse = () => ConfigurationLoader.Parse("[run]\nepochs = \n", "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().MatchRegex("(?i)value");
    }

    [Fact]
    public void Parse_RepeatedTable_SaysWhereItWasFirstWithoutQuotingIt()
    {
        var text = "[run]\n# the run's name\nname = \"a\"\n\n[model]\ntimesteps = 2\n\n[run]\nepochs = 2\n";

        var parse = () => ConfigurationLoader.Parse(text, "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "run.toml:8:1: The key `run` is already defined at line 1 and cannot be redefined: merge the two into one.");
    }

    [Fact]
    public void Parse_RepeatedKeyWithAComment_SaysWhereItWasFirstWithoutQuotingIt()
    {
        var parse = () => ConfigurationLoader.Parse("[run]\nname = \"a\" # first\nname = \"b\"\n", "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be(
            "run.toml:3:1: The key `run.name` is already defined at line 2 and cannot be redefined: merge the two into one.");
    }

    [Fact]
    public void Parse_RepeatedKey_NamesTheKey()
    {
        var parse = () => ConfigurationLoader.Parse("[run]\nepochs = 1\nepochs = 2\n", "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("epochs");
    }
}

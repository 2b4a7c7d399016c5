using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class SetOverrideTests
{
    private const string File = "[model]\ntimesteps = 4\n\n[neuron]\nplugin = \"lif\"\n";

    [Fact]
    public void Parse_Sets_OverrideFileValuesAndDefaults()
    {
        string[] sets =
        [
            "model.timesteps=2", "optimizer.name=adam", "model.channels=[8, 16]", "data.path=../data sets/fm",
            "run.name=\"quoted\"", "optimizer.nesterov=true", "optimizer.lr = 0.05",
        ];

        var configuration = ConfigurationLoader.Parse(File, "run.toml", sets);

        configuration.Model.Timesteps.Should().Be(2);
        configuration.Optimizer.Name.Should().Be("adam");
        configuration.Model.Channels.Should().Equal(8, 16);
        configuration.Data.Path.Should().Be(Path.GetFullPath("../data sets/fm"), "a relative data.path is resolved against the config file's folder (here the working directory)");
        configuration.Run.Name.Should().Be("quoted");
        configuration.Optimizer.Nesterov.Should().BeTrue();
        configuration.Optimizer.Lr.Should().Be(0.05);
    }

    [Fact]
    public void Parse_NestedSet_CreatesThePluginOptionsTable()
    {
        var configuration = ConfigurationLoader.Parse(File, "run.toml", ["neuron.options.tau=3", "distillation.weight=0.5"]);

        configuration.Neuron.Options.Should().BeEquivalentTo(new Dictionary<string, object> { ["tau"] = 3L });
        configuration.Distillation.Options.Should().BeEquivalentTo(new Dictionary<string, object> { ["weight"] = 0.5 });
    }

    [Fact]
    public void Parse_LaterSet_WinsOverEarlierSet()
    {
        ConfigurationLoader.Parse(File, "run.toml", ["run.epochs=2", "run.epochs=5"]).Run.Epochs.Should().Be(5);
    }

    [Fact]
    public void Parse_SetOfUnknownKey_SuggestsTheNearestKey()
    {
        var parse = () => ConfigurationLoader.Parse(File, "run.toml", ["run.epoch=3"]);

        parse.Should().Throw<ConfigurationException>()
            .WithMessage("run.toml: Unknown key 'run.epoch'. Did you mean 'run.epochs'?");
    }

    [Theory]
    [InlineData("model.timesteps", "*'model.timesteps': expected section.key=value*")]
    [InlineData("=3", "*'' is not a dotted key*")]
    [InlineData("run..epochs=3", "*'run..epochs' is not a dotted key*")]
    [InlineData("run epochs=3", "*'run epochs' is not a dotted key*")]
    [InlineData("epochs=3", "*must name a table and a key*")]
    [InlineData("model.channels=[16,", "*'[16,' is not a valid TOML value*")]
    [InlineData("run.name=\"open", "*'\"open' is not a valid TOML value*")]
    [InlineData("neuron.plugin.x=1", "--set neuron.plugin.x: 'neuron.plugin' is a string (\"lif\"), not a table.")]
    public void Parse_MalformedSet_IsAConfigurationError(string set, string expected)
    {
        var parse = () => ConfigurationLoader.Parse(File, "run.toml", [set]);

        parse.Should().Throw<ConfigurationException>().WithMessage(expected);
    }

    [Fact]
    public void Parse_SetOutOfRange_IsValidatedLikeTheFile()
    {
        var parse = () => ConfigurationLoader.Parse(File, "run.toml", ["model.timesteps=0"]);

        parse.Should().Throw<ConfigurationException>().WithMessage("*model.timesteps = 0 is out of range*");
    }
}

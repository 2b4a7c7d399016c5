using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class UnknownKeyTests
{
    [Theory]
    [InlineData("[optimizer]\nlearning_rate = 0.1\n", "optimizer.learning_rate", "optimizer.lr")]
    [InlineData("[run]\nepoch = 3\n", "run.epoch", "run.epochs")]
    [InlineData("[run]\nbatch_size = 32\n", "run.batch_size", "data.batch_size")]
    [InlineData("[optimizer]\nwd = 0.0\n", "optimizer.wd", "optimizer.weight_decay")]
    [InlineData("[neuron]\noption = 1\n", "neuron.option", "neuron.options")]
    [InlineData("[optimiser]\nlr = 0.1\n", "optimiser", "optimizer")]
    [InlineData("epochs = 3\n", "epochs", "run.epochs")]
    public void Parse_UnknownKey_SuggestsTheNearestValidKey(string text, string unknown, string suggestion)
    {
        var parse = () => ConfigurationLoader.Parse(text, "run.toml", []);

        parse.Should().Throw<ConfigurationException>()
            .WithMessage($"run.toml: Unknown key '{unknown}'. Did you mean '{suggestion}'?");
    }

    [Fact]
    public void Parse_UnknownKeyFarFromAnyOther_ListsTheTablesKeys()
    {
        var parse = () => ConfigurationLoader.Parse("[model]\nfoo = 1\n", "run.toml", []);

        parse.Should().Throw<ConfigurationException>().WithMessage(
            "run.toml: Unknown key 'model.foo'. Valid keys in [model]: name, timesteps, channels, hidden, width, norm, tdbn_alpha.");
    }

    [Fact]
    public void Parse_UnknownSubTable_IsRejected()
    {
        var parse = () => ConfigurationLoader.Parse("[run.extra]\nx = 1\n", "run.toml", []);

        parse.Should().Throw<ConfigurationException>().WithMessage("run.toml: Unknown key 'run.extra'.*");
    }

    [Fact]
    public void Parse_ExtraDistillationKeys_AreKeptForTheScheme()
    {
        var configuration = ConfigurationLoader.Parse("[distillation]\nscheme = \"s\"\nalpha = 0.3\n", "run.toml", []);

        configuration.Distillation.Options.Should().BeEquivalentTo(new Dictionary<string, object> { ["alpha"] = 0.3 });
    }

    [Theory]
    [InlineData("[run]\nepochs = \"three\"\n", "run.toml: run.epochs: expected an integer but found a string (\"three\").")]
    [InlineData("[checkpoint]\nkeep_best = 1\n", "run.toml: checkpoint.keep_best: expected a boolean but found an integer (1).")]
    [InlineData("[optimizer]\nlr = \"fast\"\n", "run.toml: optimizer.lr: expected a float but found a string (\"fast\").")]
    [InlineData("[model]\nchannels = [32, \"x\"]\n", "run.toml: model.channels[1]: expected an integer but found a string (\"x\").")]
    [InlineData("[model]\nchannels = 32\n", "run.toml: model.channels: expected an array of integer values but found an integer (32).")]
    [InlineData("[run]\nepochs = 2.5\n", "run.toml: run.epochs: expected an integer but found a float (2.5).")]
    [InlineData("run = 3\n", "run.toml: run: expected a table ([run]) but found an integer (3).")]
    [InlineData("[run]\nepochs = 3000000000\n", "run.toml: run.epochs = 3000000000 is out of range: it must be an integer from -2147483648 to 2147483647.")]
    public void Parse_WrongType_NamesKeyExpectedTypeAndFoundValue(string text, string expected)
    {
        var parse = () => ConfigurationLoader.Parse(text, "run.toml", []);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Be(expected);
    }
}

using Neuromorph.Host.Configuration;
using Tomlyn.Model;

namespace Neuromorph.Host.Tests.Configuration;

public sealed class OptionsBinderTests
{
    private static SampleOptions Bind(string toml) =>
        OptionsBinder.Bind<SampleOptions>(TomlText.Parse(toml, "options.toml"), "neuron.options");

    [Fact]
    public void Bind_NoTable_GivesAllDefaults()
    {
        var options = OptionsBinder.Bind<SampleOptions>(null, "neuron.options");

        options.Should().BeEquivalentTo(new SampleOptions("a", true, 3, 5_000_000_000, 0.5, 1.5f, SampleMode.StrongToWeak, [1, 2], null, null));
    }

    [Fact]
    public void Bind_EveryKey_ConvertsEachType()
    {
        var options = Bind("""
            label = "b"
            enabled = false
            count = -7
            big = 9000000000
            rate = 0.25
            scale = 2.5
            mode = "fast"
            sizes = [4, 5, 6]
            weights = [0.5, 1]
            limit = 3.0
            """);

        options.Label.Should().Be("b");
        options.Enabled.Should().BeFalse();
        options.Count.Should().Be(-7);
        options.Big.Should().Be(9_000_000_000);
        options.Rate.Should().Be(0.25);
        options.Scale.Should().Be(2.5f);
        options.Mode.Should().Be(SampleMode.Fast);
        options.Sizes.Should().Equal(4, 5, 6);
        options.Weights.Should().Equal(0.5, 1.0);
        options.Limit.Should().Be(3.0);
    }

    [Theory]
    [InlineData("strong-to-weak")]
    [InlineData("strong_to_weak")]
    [InlineData("StrongToWeak")]
    [InlineData("STRONG-TO-WEAK")]
    public void Bind_EnumSpellings_AllSelectTheMember(string spelling)
    {
        Bind($"mode = \"{spelling}\"").Mode.Should().Be(SampleMode.StrongToWeak);
    }

    [Fact]
    public void Bind_IntegerForFloat_IsWidened()
    {
        var options = Bind("rate = 2\nscale = 3");

        options.Rate.Should().Be(2.0);
        options.Scale.Should().Be(3.0f);
    }

    [Theory]
    [InlineData("cont = 1", "Unknown key 'neuron.options.cont'. Did you mean 'neuron.options.count'?")]
    [InlineData("mod = \"fast\"", "Unknown key 'neuron.options.mod'. Did you mean 'neuron.options.mode'?")]
    [InlineData("xyzzy = 1", "Unknown key 'neuron.options.xyzzy'. Valid keys in [neuron.options]: label, enabled, count, big, rate, scale, mode, sizes, weights, limit.")]
    [InlineData("count = \"x\"", "neuron.options.count: expected an integer but found a string (\"x\").")]
    [InlineData("enabled = 1", "neuron.options.enabled: expected a boolean but found an integer (1).")]
    [InlineData("label = 5", "neuron.options.label: expected a string but found an integer (5).")]
    [InlineData("rate = true", "neuron.options.rate: expected a float but found a boolean (true).")]
    [InlineData("mode = 1", "neuron.options.mode: expected one of the strings \"fast\", \"strong-to-weak\" but found an integer (1).")]
    [InlineData("mode = \"slow\"", "neuron.options.mode = \"slow\" is not valid: expected one of the strings \"fast\", \"strong-to-weak\".")]
    [InlineData("sizes = [1, 2.5]", "neuron.options.sizes[1]: expected an integer but found a float (2.5).")]
    [InlineData("count = 2147483648", "neuron.options.count = 2147483648 is out of range: it must be an integer from -2147483648 to 2147483647.")]
    [InlineData("count = -2147483649", "neuron.options.count = -2147483649 is out of range: it must be an integer from -2147483648 to 2147483647.")]
    public void Bind_BadTable_ThrowsNamingTheDottedKey(string toml, string expected)
    {
        var bind = () => Bind(toml);

        bind.Should().Throw<ConfigurationException>().Which.Message.Should().Be(expected);
    }

    [Theory]
    [InlineData(2147483647L)]
    [InlineData(-2147483648L)]
    public void Bind_IntLimits_AreAccepted(long value)
    {
        Bind($"count = {value}").Count.Should().Be((int)value);
    }

    [Fact]
    public void Bind_ParameterWithoutDefault_IsRejectedAsAnInvalidOptionsType()
    {
        var bind = () => OptionsBinder.Bind(typeof(RequiredParameterOptions), null, "x");

        bind.Should().Throw<ArgumentException>().WithMessage("*'Count' needs a default value*");
    }

    [Fact]
    public void Render_BoundOptions_WritesEveryNonNullValueInDeclarationOrder()
    {
        var table = OptionsBinder.Render(new SampleOptions(Mode: SampleMode.StrongToWeak, Weights: [0.5]));

        table.Keys.Should().Equal("label", "enabled", "count", "big", "rate", "scale", "mode", "sizes", "weights");
        table["count"].Should().Be(3L);
        table["scale"].Should().Be(1.5);
        table["mode"].Should().Be("strong-to-weak");
        ((TomlArray)table["sizes"]).Should().Equal(1L, 2L);
        ((TomlArray)table["weights"]).Should().Equal(0.5);
    }

    [Fact]
    public void Describe_SampleOptions_ListsKeyTypeAndTomlDefault()
    {
        OptionsBinder.Describe(typeof(SampleOptions)).Should().Equal(
            new OptionDescription("label", "string", "\"a\""),
            new OptionDescription("enabled", "boolean", "true"),
            new OptionDescription("count", "integer", "3"),
            new OptionDescription("big", "integer", "5000000000"),
            new OptionDescription("rate", "float", "0.5"),
            new OptionDescription("scale", "float", "1.5"),
            new OptionDescription("mode", "one of fast, strong-to-weak", "\"strong-to-weak\""),
            new OptionDescription("sizes", "array of integer", "[1, 2]"),
            new OptionDescription("weights", "array of float", ""),
            new OptionDescription("limit", "float (optional)", ""));
    }

    [Fact]
    public void Describe_NeuronSection_RendersTheOptionsTableInline()
    {
        OptionsBinder.Describe(typeof(NeuronSection)).Should().Equal(
            new OptionDescription("plugin", "string", "\"lif\""),
            new OptionDescription("surrogate", "string", "\"rectangular\""),
            new OptionDescription("surrogate_alpha", "float", "0.0"),
            new OptionDescription("options", "table", "{}"));
    }

    [Fact]
    public void Describe_DistillationSection_OmitsTheExtensionKeys()
    {
        OptionsBinder.Describe(typeof(DistillationSection)).Should().Equal(
            new OptionDescription("scheme", "string", "\"none\""));
    }
}

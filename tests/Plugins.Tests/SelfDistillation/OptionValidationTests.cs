using Neuromorph.Abstractions;
using Neuromorph.Plugins.SelfDistillation;
using Neuromorph.Plugins.Strong2Weak;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>Bad options fail in the constructor (a configuration error); bad logits fail before any native op.</summary>
public sealed class OptionValidationTests
{
    [Theory]
    [InlineData("strong2weak", "one-to-one", 1, 2)]
    [InlineData("weak2strong", "simultaneous", 1, 2)]
    [InlineData("strong2weak", "ensemble-teacher", 2, 3)]
    [InlineData("weak2strong", "ensemble-student", 2, 3)]
    [InlineData("strong2weak", "cascade", 2, 3)]
    public void TooFewTimesteps_ForTheVariant_IsAnOptionsError(string plugin, string variant, int timesteps, int needed)
    {
        var create = () => SchemeFactory.Create(plugin, timesteps, ("variant", variant));

        var error = create.Should().Throw<PluginOptionsException>().Which;
        error.Key.Should().Be("variant");
        error.Message.Should().Contain($"'{variant}'").And.Contain($"T = {timesteps}").And.Contain($"at least {needed}");
        SchemeFactory.Create(plugin, needed, ("variant", variant)).Should().NotBeNull("T = {0} is enough", needed);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonPositiveOrNonFiniteTemperature_IsAnOptionsError(double temperature)
    {
        var create = () => SchemeFactory.Create("weak2strong", options: ("temperature", temperature));

        create.Should().Throw<PluginOptionsException>().Which.Key.Should().Be("temperature");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void NegativeOrNonFiniteWeight_IsAnOptionsError(double weight)
    {
        var create = () => SchemeFactory.Create("strong2weak", options: ("weight", weight));

        create.Should().Throw<PluginOptionsException>().Which.Key.Should().Be("weight");
    }

    [Fact]
    public void UndefinedEnumValue_IsAnOptionsErrorNamingTheKey()
    {
        var options = new SelfDistillationOptions(EnsembleOver: (EnsembleAveraging)7);

        var create = () => new Strong2WeakScheme(options, new PluginContext(4, 10, 0));

        create.Should().Throw<PluginOptionsException>().Which.Key.Should().Be("ensemble_over");
    }

    [Fact]
    public void LogitsNotThreeDimensional_AreRejected()
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create("strong2weak");

        var compute = () => scheme.Compute(zeros(4, 15), null);

        compute.Should().Throw<ArgumentException>().WithMessage("*[T, B, M]*[4, 15]*");
    }

    [Fact]
    public void FewerTimestepsThanTheVariantNeeds_AreRejectedAtCompute()
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create("weak2strong", options: ("variant", "cascade"));

        var compute = () => scheme.Compute(FixedLogits.AsTensor(FixedLogits.Timesteps(0, 1)), null);

        compute.Should().Throw<ArgumentException>().WithMessage("*'cascade'*at least 3*");
    }

    [Fact]
    public void MarginWithOneClass_IsRejected()
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create("strong2weak", options: ("confidence", "margin"));

        var compute = () => scheme.Compute(zeros(4, 3, 1), null);

        compute.Should().Throw<ArgumentException>().WithMessage("*'margin'*2 classes*");
    }

    [Fact]
    public void FewerTimestepsThanTheRun_AreAcceptedWhenTheVariantHasEnough()
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create("strong2weak", timesteps: 8);

        var term = scheme.Compute(FixedLogits.AsTensor(FixedLogits.Values), null);

        term.Diagnostics["confidence"].Values.Should().HaveCount(4);
    }
}

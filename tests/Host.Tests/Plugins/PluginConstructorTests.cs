using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Tests.Plugins.Doubles;

namespace Neuromorph.Host.Tests.Plugins;

public sealed class PluginConstructorTests
{
    [Fact]
    public void TrySelect_TwoConstructors_PicksTheOneWithMostParameters()
    {
        PluginConstructor.TrySelect(typeof(ThresholdNeuron), out var selected, out var problem).Should().BeTrue(problem);

        selected!.Constructor.GetParameters().Select(parameter => parameter.ParameterType)
            .Should().Equal(typeof(ThresholdNeuronOptions), typeof(PluginContext), typeof(ISurrogateGradient));
        selected.OptionsType.Should().Be(typeof(ThresholdNeuronOptions));
        selected.NeedsSurrogate.Should().BeTrue();
    }

    [Fact]
    public void TrySelect_TwoOptionsRecords_ExplainsThatOnlyOneIsAllowed()
    {
        PluginConstructor.TrySelect(typeof(TwoOptionsScheme), out _, out var problem).Should().BeFalse();

        problem.Should().Contain("'first', 'second'").And.Contain("at most one options record");
    }

    [Fact]
    public void TrySelect_PrimitiveParameter_NamesTheParameterAndItsType()
    {
        PluginConstructor.TrySelect(typeof(PrimitiveParameterScheme), out _, out var problem).Should().BeFalse();

        problem.Should().Contain("'window'").And.Contain("Int32");
    }

    [Fact]
    public void TrySelect_NoPublicConstructor_Explains()
    {
        PluginConstructor.TrySelect(typeof(PluginKinds), out _, out var problem).Should().BeFalse();

        problem.Should().Contain("no public constructor");
    }
}

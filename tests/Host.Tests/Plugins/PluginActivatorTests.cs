using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Tests.Plugins.Doubles;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins;

public sealed class PluginActivatorTests
{
    private static readonly PluginContext Context = new(Timesteps: 3, ClassCount: 10, Seed: 42);

    private static readonly PluginDescriptor Threshold = new(
        "threshold", PluginKind.Neuron, "1.0.0", ContractVersion.Current, "Threshold.dll", typeof(ThresholdNeuron), typeof(ThresholdNeuronOptions), null);

    private static readonly PluginDescriptor Strict = new(
        "strict", PluginKind.DistillationScheme, "1.0.0", ContractVersion.Current, "Strict.dll", typeof(StrictScheme), typeof(StrictSchemeOptions), null);

    [Fact]
    public void Create_TwoConstructors_UsesTheWidestAndSuppliesEveryArgument()
    {
        var surrogate = new StepSurrogate();

        var neuron = (ThresholdNeuron)PluginActivator.Create(Threshold, _ => new ThresholdNeuronOptions(2.0), Context, surrogate);

        neuron.Context.Should().BeSameAs(Context);
        neuron.Surrogate.Should().BeSameAs(surrogate);
        neuron.Options.Should().Be(new ThresholdNeuronOptions(2.0));
        // Input 0.75 per step charges 0.75, 1.5, 2.25: only the third reaches the threshold 2.
        using var spikes = ((INeuronModel)neuron).Run(torch.full([3, 1], 0.75f));
        spikes.data<float>().ToArray().Should().Equal(0f, 0f, 1f);
    }

    [Fact]
    public void Create_BinderIsAskedForTheOptionsType()
    {
        var requested = new List<Type>();

        PluginActivator.Create(Strict, type => { requested.Add(type); return new StrictSchemeOptions(); }, Context, null);

        requested.Should().Equal(typeof(StrictSchemeOptions));
    }

    [Fact]
    public void Create_NeuronWithoutSurrogate_ThrowsAConfigurationErrorNamingThePlugin()
    {
        var create = () => PluginActivator.Create(Threshold, _ => new ThresholdNeuronOptions(), Context, surrogate: null);

        create.Should().Throw<PluginConfigurationException>().WithMessage("Plugin 'threshold' (Threshold.dll) needs a surrogate gradient*");
    }

    [Fact]
    public void Create_ConstructorRejectsItsOptions_PropagatesPluginOptionsExceptionUnwrapped()
    {
        var create = () => PluginActivator.Create(Strict, _ => new StrictSchemeOptions(Window: 0), Context, null);

        var exception = create.Should().Throw<PluginOptionsException>().Which;
        exception.Key.Should().Be("window");
        exception.Message.Should().Be("window must be at least 1, got 0.");
    }

    [Fact]
    public void CreateGeneric_InterfaceOfAnotherKind_Throws()
    {
        var create = () => PluginActivator.Create<INeuronModel>(Strict, _ => new StrictSchemeOptions(), Context, null);

        create.Should().Throw<ArgumentException>().WithMessage("Plugin 'strict' is a distillation scheme (IDistillationScheme), not a INeuronModel.*");
    }

    [Fact]
    public void CreateGeneric_MatchingInterface_ReturnsTheInstance()
    {
        var scheme = PluginActivator.Create<IDistillationScheme>(Strict, _ => new StrictSchemeOptions(), Context, null);

        scheme.Should().BeOfType<StrictScheme>();
    }

    [Fact]
    public void Create_BinderReturnsTheWrongType_Throws()
    {
        var create = () => PluginActivator.Create(Strict, _ => new ThresholdNeuronOptions(), Context, null);

        create.Should().Throw<InvalidOperationException>().WithMessage("*returned ThresholdNeuronOptions*'strict'*StrictSchemeOptions*");
    }
}

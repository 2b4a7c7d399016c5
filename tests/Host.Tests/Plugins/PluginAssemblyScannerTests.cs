using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Tests.Plugins.Doubles;

namespace Neuromorph.Host.Tests.Plugins;

public sealed class PluginAssemblyScannerTests
{
    private const string AssemblyPath = "/plugins/Doubles/Doubles.dll";

    [Fact]
    public void TryDescribe_NeuronWithOptions_FillsTheDescriptor()
    {
        var attribute = new PluginAttribute("threshold") { Description = "Integrate and fire." };

        PluginAssemblyScanner.TryDescribe(typeof(ThresholdNeuron), attribute, "3.1.0", ContractVersion.Current, AssemblyPath, out var descriptor, out var problem)
            .Should().BeTrue(problem);

        descriptor.Should().Be(new PluginDescriptor(
            "threshold", PluginKind.Neuron, "3.1.0", ContractVersion.Current, AssemblyPath, typeof(ThresholdNeuron), typeof(ThresholdNeuronOptions),
            "Integrate and fire."));
    }

    [Fact]
    public void TryDescribe_NoPluginInterface_NamesTheTypeAndTheInterfaces()
    {
        PluginAssemblyScanner.TryDescribe(typeof(KindlessPlugin), new PluginAttribute("kindless"), "1", ContractVersion.Current, AssemblyPath, out _, out var problem)
            .Should().BeFalse();

        problem.Should().Contain(typeof(KindlessPlugin).FullName)
            .And.Contain("implements none of INeuronModel, IDistillationScheme, IAdversarialAttack");
    }

    [Fact]
    public void TryDescribe_TwoPluginInterfaces_NamesBoth()
    {
        PluginAssemblyScanner.TryDescribe(typeof(TwoKindPlugin), new PluginAttribute("two-kinds"), "1", ContractVersion.Current, AssemblyPath, out _, out var problem)
            .Should().BeFalse();

        problem.Should().Contain("implements IDistillationScheme and IAdversarialAttack");
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("trailing-")]
    [InlineData("")]
    public void TryDescribe_MalformedName_IsRefused(string name)
    {
        PluginAssemblyScanner.TryDescribe(typeof(StrictScheme), new PluginAttribute(name), "1", ContractVersion.Current, AssemblyPath, out _, out var problem)
            .Should().BeFalse();

        problem.Should().Contain("lower-case letters, digits and single dashes");
    }

    [Fact]
    public void TryDescribe_OptionsRecordWithARequiredParameter_IsSkippedNamingTheParameter()
    {
        PluginAssemblyScanner.TryDescribe(typeof(RequiredOptionScheme), new PluginAttribute("required-option"), "1", ContractVersion.Current, AssemblyPath, out _, out var problem)
            .Should().BeFalse();

        problem.Should().Be(
            $"[Plugin(\"required-option\")] {typeof(RequiredOptionScheme).FullName}: options type {typeof(Configuration.RequiredParameterOptions).FullName}, "
            + "parameter 'Count' needs a default value: every option must be optional.");
    }

    [Theory]
    [InlineData(typeof(SurrogateScheme), "surrogate-scheme", "distillation scheme")]
    [InlineData(typeof(SurrogateAttack), "surrogate-attack", "adversarial attack")]
    public void TryDescribe_NonNeuronTakingASurrogate_IsSkippedSayingOnlyNeuronsAreGivenOne(Type type, string name, string kind)
    {
        PluginAssemblyScanner.TryDescribe(type, new PluginAttribute(name), "1", ContractVersion.Current, AssemblyPath, out _, out var problem).Should().BeFalse();

        problem.Should().Be(
            $"[Plugin(\"{name}\")] {type.FullName}: its constructor takes an ISurrogateGradient, which a {kind} cannot take: "
            + "only neuron models are given one (the [neuron] surrogate). Remove the parameter.");
    }

    [Fact]
    public void Scan_AssemblyWithoutContractReference_IsReportedWithoutLoading()
    {
        var notAPlugin = typeof(FluentActions).Assembly.Location;

        var scan = PluginAssemblyScanner.Scan(notAPlugin);

        scan.Loader.Should().BeNull();
        scan.Descriptors.Should().BeEmpty();
        scan.Problems.Should().ContainSingle().Which.Reason.Should().Contain("does not reference Neuromorph.Abstractions");
    }
}

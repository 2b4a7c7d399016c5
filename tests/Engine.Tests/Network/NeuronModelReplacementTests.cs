using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training;
using TorchSharp.Modules;

namespace Neuromorph.Engine.Tests.Network;

public sealed class NeuronModelReplacementTests : IDisposable
{
    private static readonly NeuronParameter Tau = LearnableNeuron.ScalarTau(3);
    private static readonly NeuronParameter Threshold = LearnableNeuron.PerChannelThreshold(0.75);

    private readonly SpikingNetwork network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));
    private readonly Dictionary<string, float[]> learned;

    public NeuronModelReplacementTests()
    {
        using var optimizer = OptimizerFactory.Create(new OptimizerSettings("adam", 0.05, WeightDecay: 0), network.parameters());
        ParameterizedNetworks.TrainStep(network, optimizer);
        learned = ParameterizedNetworks.Values(network);
    }

    public void Dispose() => network.Dispose();

    [Fact]
    public void ReplaceNeuronModel_EqualDeclarations_KeepsTheSameTensorsAndTheirLearnedValues()
    {
        var before = NeuronParameterHandles();
        var next = new LearnableNeuron(Tau, Threshold);

        using var replacement = network.ReplaceNeuronModel(next);

        replacement.Changes.Should().HaveCount(6).And.AllSatisfy(c => c.Kind.Should().Be(NeuronParameterChangeKind.Kept));
        replacement.Retired.Should().BeEmpty();
        NeuronParameterHandles().Should().Equal(before);
        ParameterizedNetworks.Values(network).Should().BeEquivalentTo(learned);
        learned["body.spike1.tau_logit"][0].Should().NotBe((float)-Math.Log(2), "the training step moved it");
        network.NeuronLayers.Should().AllSatisfy(layer => layer.Model.Should().BeSameAs(next));
    }

    [Fact]
    public void ReplaceNeuronModel_ChangedInitialValue_RecreatesOnlyThatParameter()
    {
        var before = NeuronParameterHandles();

        using var replacement = network.ReplaceNeuronModel(new LearnableNeuron(Tau, LearnableNeuron.PerChannelThreshold(0.5)));

        replacement.Changes.Where(c => c.Kind == NeuronParameterChangeKind.Recreated).Select(c => $"{c.Layer}.{c.Name}")
            .Should().Equal("spike1.threshold", "spike2.threshold", "spike3.threshold");
        replacement.Changes.Where(c => c.Kind == NeuronParameterChangeKind.Kept).Select(c => c.Name).Should().AllBe("tau_logit");
        replacement.Changes.First(c => c.Kind == NeuronParameterChangeKind.Recreated).ToString()
            .Should().Be("spike1.threshold: re-created (PerChannel, initial 0.75 -> PerChannel, initial 0.5)");
        var values = ParameterizedNetworks.Values(network);
        var handles = NeuronParameterHandles();
        foreach (var (layer, channels) in ParameterizedNetworks.Layers)
        {
            values[$"body.{layer}.threshold"].Should().Equal(Enumerable.Repeat(0.5f, (int)channels));
            handles[$"body.{layer}.threshold"].Should().NotBe(before[$"body.{layer}.threshold"]);
            values[$"body.{layer}.tau_logit"].Should().Equal(learned[$"body.{layer}.tau_logit"]);
            handles[$"body.{layer}.tau_logit"].Should().Be(before[$"body.{layer}.tau_logit"]);
        }
        replacement.Retired.Should().HaveCount(3);
    }

    [Fact]
    public void ReplaceNeuronModel_ShapeChangedToPerChannel_RecreatesWithOneValuePerChannel()
    {
        var perChannelTau = Tau with { Shape = ParameterShape.PerChannel };

        using var replacement = network.ReplaceNeuronModel(new LearnableNeuron(perChannelTau, Threshold));

        var parameters = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (layer, channels) in ParameterizedNetworks.Layers)
        {
            parameters[$"body.{layer}.tau_logit"].shape.Should().Equal(channels);
            parameters[$"body.{layer}.threshold"].data<float>().ToArray().Should().Equal(learned[$"body.{layer}.threshold"]);
        }
        replacement.Changes.Count(c => c.Kind == NeuronParameterChangeKind.Recreated).Should().Be(3);
    }

    [Fact]
    public void ReplaceNeuronModel_DroppedAndNewDeclarations_RemovesOneAndAddsTheOther()
    {
        var next = new LearnableNeuron(Tau, LearnableNeuron.ScalarGain(1.5));

        using var replacement = network.ReplaceNeuronModel(next);

        var values = ParameterizedNetworks.Values(network);
        values.Keys.Should().NotContain(name => name.EndsWith(".threshold", StringComparison.Ordinal));
        network.state_dict().Keys.Should().NotContain(name => name.EndsWith(".threshold", StringComparison.Ordinal));
        values["body.spike2.gain"].Should().Equal(1.5f);
        values["body.spike2.tau_logit"].Should().Equal(learned["body.spike2.tau_logit"]);
        replacement.Changes.Select(c => (c.Name, c.Kind)).Distinct().Should().BeEquivalentTo(new[]
        {
            ("tau_logit", NeuronParameterChangeKind.Kept),
            ("gain", NeuronParameterChangeKind.Added),
            ("threshold", NeuronParameterChangeKind.Removed),
        });
        replacement.Changes.Single(c => c is { Layer: "spike3", Kind: NeuronParameterChangeKind.Removed }).ToString()
            .Should().Be("spike3.threshold: removed (was PerChannel, initial 0.75)");
        // The parameters are listed as in a network built with the new model from the start.
        using var fresh = ParameterizedNetworks.Csnn(next);
        network.named_parameters().Select(p => p.name).Should().Equal(fresh.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void ReplaceNeuronModel_InvalidDeclarations_ThrowsAndChangesNothing()
    {
        var model = network.NeuronLayers[0].Model;
        var before = NeuronParameterHandles();
        var invalid = new LearnableNeuron(Tau, LearnableNeuron.ScalarGain(1), LearnableNeuron.ScalarGain(2));

        var act = () => network.ReplaceNeuronModel(invalid);

        act.Should().Throw<ArgumentException>().WithMessage("*'gain' twice*");
        NeuronParameterHandles().Should().Equal(before);
        network.NeuronLayers.Should().AllSatisfy(layer => layer.Model.Should().BeSameAs(model));
    }

    [Fact]
    public void Dispose_Replacement_DisposesTheRetiredParameters()
    {
        Parameter[] retired;
        using (var replacement = network.ReplaceNeuronModel(new LearnableNeuron(Tau)))
            retired = [.. replacement.Retired];

        retired.Should().HaveCount(3).And.AllSatisfy(p => p.IsInvalid.Should().BeTrue());
    }

    private Dictionary<string, IntPtr> NeuronParameterHandles() =>
        network.named_parameters().Where(p => p.name.Contains("spike")).ToDictionary(p => p.name, p => p.parameter.Handle);
}

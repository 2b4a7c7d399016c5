using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Network;

public sealed class NeuronParameterTests
{
    private static readonly NeuronParameter Tau = LearnableNeuron.ScalarTau(3);
    private static readonly NeuronParameter Threshold = LearnableNeuron.PerChannelThreshold(0.75);

    [Fact]
    public void Build_DeclaredParameters_AreNetworkParametersWithTheirShapesAndInitialValues()
    {
        using var plain = ParameterizedNetworks.Csnn(new ThresholdNeuron());
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));

        var parameters = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (layer, channels) in ParameterizedNetworks.Layers)
        {
            var tau = parameters[$"body.{layer}.tau_logit"];
            tau.shape.Should().BeEmpty();
            tau.item<float>().Should().BeApproximately((float)-Math.Log(2), 1e-6f);
            tau.requires_grad.Should().BeTrue();
            var threshold = parameters[$"body.{layer}.threshold"];
            threshold.shape.Should().Equal(channels);
            threshold.data<float>().ToArray().Should().AllSatisfy(v => v.Should().Be(0.75f));
        }
        network.parameters().Sum(p => p.numel()).Should().Be(plain.parameters().Sum(p => p.numel()) + 3 + (3 + 4 + 5));
        network.state_dict().Keys.Should().Contain("body.spike2.threshold");
    }

    [Fact]
    public void Build_ModelWithoutDeclarations_AddsNoParameters()
    {
        using var network = ParameterizedNetworks.Csnn(new ThresholdNeuron());

        network.named_parameters().Select(p => p.name).Should().NotContain(name => name.Contains("spike"));
        network.NeuronLayers.Should().AllSatisfy(layer => layer.parameters().Should().BeEmpty());
    }

    [Fact]
    public void Forward_PerChannelThresholdOnConvolutionInput_IsBroadcastOverBatchAndSpace()
    {
        using var scope = NewDisposeScope();
        using var layer = new NeuronLayer("spike", new LearnableNeuron(LearnableNeuron.PerChannelThreshold(1)), channels: 2) { Timesteps = 2 };
        using (no_grad()) layer.named_parameters().Single().parameter.copy_(tensor(new[] { 0.3f, 0.6f }));
        // [T*B, C, H, W] = [2, 2, 1, 2]: the same input X = (0.5, 1.0) in both channels at both timesteps.
        var inputs = tensor(new[] { 0.5f, 1f, 0.5f, 1f, 0.5f, 1f, 0.5f, 1f }).reshape(2, 2, 1, 2);

        var spikes = layer.forward(inputs);

        // H(0) = X/2 = (0.25, 0.5); θ = 0.3 fires (0, 1), θ = 0.6 fires (0, 0); V = H − θS.
        // H(1) = (V + X)/2: channel 0 (0.375, 0.6) fires (1, 1); channel 1 (0.375, 0.75) fires (0, 1).
        spikes.shape.Should().Equal(2, 2, 1, 2);
        spikes.data<float>().ToArray().Should().Equal(0, 1, 0, 0, 1, 1, 0, 1);
    }

    [Fact]
    public void Forward_PerChannelThresholdOnLinearInput_AppliesOnePerFeatureInSingleStepMode()
    {
        using var scope = NewDisposeScope();
        using var layer = new NeuronLayer("spike", new LearnableNeuron(LearnableNeuron.PerChannelThreshold(1)), channels: 2) { Mode = SimulationMode.SingleStep };
        using (no_grad()) layer.named_parameters().Single().parameter.copy_(tensor(new[] { 0.3f, 0.6f }));
        var input = ones(1, 2);

        var first = layer.forward(input);
        var second = layer.forward(input);

        // H(0) = (0.5, 0.5) fires (1, 0); V = (0.2, 0.5); H(1) = (V + 1)/2 = (0.6, 0.75) fires (1, 1).
        first.data<float>().ToArray().Should().Equal(1, 0);
        second.data<float>().ToArray().Should().Equal(1, 1);
    }

    [Fact]
    public void Forward_ScalarTauLogit_SetsTheDecay()
    {
        using var scope = NewDisposeScope();
        using var layer = new NeuronLayer("spike", new LearnableNeuron(LearnableNeuron.ScalarTau(4)), channels: 1) { Timesteps = 3 };
        var inputs = full(3, 1, 2.0f);

        var spikes = layer.forward(inputs);

        // σ(−ln 3) = 1/4: H = 0.5, 0.875, 1.15625 against θ = 1.
        spikes.data<float>().ToArray().Should().Equal(0, 0, 1);
    }

    [Fact]
    public void Forward_InputWithOtherChannelCount_ThrowsNamingTheLayer()
    {
        using var scope = NewDisposeScope();
        using var layer = new NeuronLayer("spike7", new ThresholdNeuron(), channels: 3);

        var act = () => layer.forward(zeros(2, 4));

        act.Should().Throw<InvalidOperationException>().WithMessage("*'spike7' has 3 channels*[2, 4]*");
    }

    [Fact]
    public void Forward_MultiStepAndSingleStep_GiveTheSameLogitsWithPerChannelParameters()
    {
        using var scope = NewDisposeScope();
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));
        network.eval();
        using (no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                if (name.EndsWith(".threshold", StringComparison.Ordinal)) parameter.copy_(linspace(0.2, 1.2, parameter.shape[0]));
                else if (!name.Contains("spike")) parameter.mul_(3);
            }
        }
        var images = ParameterizedNetworks.Batch().Inputs;

        network.Mode = SimulationMode.MultiStep;
        var multi = network.forward(images);
        network.Mode = SimulationMode.SingleStep;
        var single = network.forward(images);

        allclose(multi, single, rtol: 1e-5, atol: 1e-5).Should().BeTrue();
        multi[0].allclose(multi[1]).Should().BeFalse();
    }

    [Fact]
    public void TrainStep_GradientsReachTheNeuronParametersAndTheOptimizerChangesThem()
    {
        using var network = ParameterizedNetworks.Csnn(new LearnableNeuron(Tau, Threshold));
        using var optimizer = OptimizerFactory.Create(new OptimizerSettings("adam", 0.05, WeightDecay: 0), network.parameters());
        var before = ParameterizedNetworks.Values(network);

        ParameterizedNetworks.TrainStep(network, optimizer);

        var after = ParameterizedNetworks.Values(network);
        var neuronParameters = network.named_parameters().Where(p => p.name.Contains("spike")).ToArray();
        neuronParameters.Select(p => p.name).Should().BeEquivalentTo(
            ParameterizedNetworks.Layers.SelectMany(l => new[] { $"body.{l.Layer}.tau_logit", $"body.{l.Layer}.threshold" }));
        foreach (var (name, parameter) in neuronParameters)
        {
            var gradient = parameter.grad;
            gradient.Should().NotBeNull(name);
            gradient!.abs().sum().item<float>().Should().BeGreaterThan(0, name);
            after[name].Should().NotEqual(before[name], name);
        }
    }

    [Fact]
    public void Run_ModelWithoutDeclarations_UsesItsOwnRunOverride()
    {
        using var scope = NewDisposeScope();
        var model = new FusedRunNeuron();
        using var layer = new NeuronLayer("spike", model, channels: 2) { Timesteps = 2 };

        layer.forward(ones(4, 2));

        model.FusedRuns.Should().Be(1);
    }

    [Fact]
    public void Indexer_UnknownName_ThrowsListingTheDeclaredNames()
    {
        using var scope = NewDisposeScope();
        var parameters = NeuronParameters.Initial([Tau, Threshold]);

        var act = () => parameters["tau"];

        act.Should().Throw<KeyNotFoundException>().WithMessage("*'tau'*'tau_logit', 'threshold'*");
        parameters[LearnableNeuron.Threshold].shape.Should().BeEmpty();
        parameters[LearnableNeuron.Threshold].item<float>().Should().Be(0.75f);
    }

    [Theory]
    [InlineData("", "named ''")]
    [InlineData("spike.tau", "named 'spike.tau'")]
    [InlineData("2tau", "named '2tau'")]
    public void Build_InvalidParameterName_ThrowsNamingTheModel(string name, string message)
    {
        var neuron = new LearnableNeuron(new NeuronParameter(name, ParameterShape.Scalar, 0));

        var act = () => new NeuronLayer("spike", neuron, channels: 1);

        act.Should().Throw<ArgumentException>().WithMessage($"*{nameof(LearnableNeuron)}*{message}*");
    }

    [Fact]
    public void Build_RepeatedNameOrNonFiniteInitialValue_Throws()
    {
        var repeated = () => new NeuronLayer("spike", new LearnableNeuron(Tau, Tau with { InitialValue = 1 }), channels: 1);
        var infinite = () => new NeuronLayer("spike", new LearnableNeuron(Tau with { InitialValue = double.PositiveInfinity }), channels: 1);

        repeated.Should().Throw<ArgumentException>().WithMessage("*'tau_logit' twice*");
        infinite.Should().Throw<ArgumentException>().WithMessage("*initial value Infinity; it must be finite*");
    }

    /// <summary>A neuron without parameters whose fused Run counts its calls (and, for the test, returns zeros).</summary>
    private sealed class FusedRunNeuron : INeuronModel
    {
        public int FusedRuns { get; private set; }

        public NeuronState CreateState(Tensor input) => new(zeros_like(input));

        public NeuronStep Step(Tensor input, NeuronState state) => throw new InvalidOperationException("The fused Run should be used.");

        public Tensor Run(Tensor inputs)
        {
            FusedRuns++;
            return zeros_like(inputs);
        }
    }
}

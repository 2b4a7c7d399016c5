using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Tests.ModelZoo;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Firing;

/// <summary>Spike counting at the neuron layers: rates worked out by hand, in both simulation modes, for every model.</summary>
public sealed class SpikeCountTests
{
    // spike1's spikes per timestep over both samples (see HandNetworks.Linear): x = 1 fires at t = 0..3, 0.5 and 0.75
    // at t = 1 and 3, 0.25 at t = 3. Sample 0 (1, 0.5, 0.25, 0): 1, 2, 1, 3; sample 1 (0.75, 0, 0, 0.5): 0, 2, 0, 2.
    private static readonly double[] Spike1 = [1, 4, 1, 5];

    // spike2 gets out0 = spike1's neuron 0 and out1 = half of its neuron 1. Sample 0: out0 = 1 at every t fires at every
    // t; out1 = 0.5 at t = 1 and 3 reaches 1 at t = 3. Sample 1: out0 = 1 at t = 1 and 3 fires then; out1 = 0.
    private static readonly double[] Spike2 = [1, 2, 1, 3];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ForwardCounting_HandNetwork_CountsTheSpikesWorkedOutByHand(bool singleStep)
    {
        var mode = singleStep ? SimulationMode.SingleStep : SimulationMode.MultiStep;
        using var scope = NewDisposeScope();
        var neuron = new HardResetNeuron();
        var network = HandNetworks.Linear(neuron);
        network.Mode = mode;

        var (logits, tally) = network.ForwardCounting(HandNetworks.LinearInputs());

        logits.shape.Should().Equal(4, 2, 3);
        tally.Layers.Keys.Should().Equal("spike1", "spike2");
        tally.Layers["spike1"].Spikes.Should().Equal(Spike1);
        tally.Layers["spike1"].Neurons.Should().Be(4);
        tally.Layers["spike1"].Samples.Should().Be(2);
        tally.Layers["spike2"].Spikes.Should().Equal(Spike2);
        tally.Layers["spike2"].Neurons.Should().Be(2);
        var rates = tally.Rates();
        rates["spike1"].Should().Equal(1 / 8.0, 4 / 8.0, 1 / 8.0, 5 / 8.0);
        rates["spike2"].Should().Equal(1 / 4.0, 2 / 4.0, 1 / 4.0, 3 / 4.0);
        // The plugin's own Run (multi-step) or its Step (single-step) made the spikes: both are measured.
        (mode == SimulationMode.MultiStep ? neuron.RunCalls : neuron.StepCalls).Should().BeGreaterThan(0);
        (mode == SimulationMode.MultiStep ? neuron.StepCalls : neuron.RunCalls).Should().Be(0);
    }

    [Fact]
    public void Add_PassesOfDifferentBatchSizes_WeighsEachSample()
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Linear(new HardResetNeuron());
        var tally = new FiringTally();

        // Both samples, then only the second one: spike1 fires 0, 2, 0, 2 for it (4 neurons).
        tally.Add(network.ForwardCounting(HandNetworks.LinearInputs()).Firing);
        tally.Add(network.ForwardCounting(HandNetworks.LinearInputs()[1..]).Firing);

        tally.Layers["spike1"].Samples.Should().Be(3);
        // (1 + 0) / 12, (4 + 2) / 12, (1 + 0) / 12, (5 + 2) / 12: not the mean of the two passes' rates.
        tally.Rates()["spike1"].Should().Equal(1 / 12.0, 6 / 12.0, 1 / 12.0, 7 / 12.0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ForwardCounting_SampleStride_CountsSamplesZeroSAndSoOn(bool singleStep)
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Linear(new HardResetNeuron());
        network.Mode = singleStep ? SimulationMode.SingleStep : SimulationMode.MultiStep;
        // Samples 0, 1, 0, 1, 0: a stride of 2 counts samples 0, 2 and 4, all three the first sample.
        var inputs = HandNetworks.LinearInputs()[TensorIndex.Tensor(tensor(new long[] { 0, 1, 0, 1, 0 }))];

        var tally = network.ForwardCounting(inputs, sampleStride: 2).Firing;

        tally.Layers["spike1"].Samples.Should().Be(3);
        tally.Layers["spike1"].Spikes.Should().Equal(3 * 1, 3 * 2, 3 * 1, 3 * 3);
        tally.Rates()["spike2"].Should().Equal(1 / 2.0, 1 / 2.0, 1 / 2.0, 2 / 2.0);
    }

    [Fact]
    public void Forward_WithoutCounting_CountsNothingAndTheNextCountedPassStartsAfresh()
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Linear(new HardResetNeuron());

        network.forward(HandNetworks.LinearInputs());
        var tally = network.ForwardCounting(HandNetworks.LinearInputs()[..1]).Firing;
        network.forward(HandNetworks.LinearInputs());

        // Sample 0 alone: 1, 2, 1, 3.
        tally.Layers["spike1"].Spikes.Should().Equal(1, 2, 1, 3);
        network.NeuronLayers.Select(layer => layer.StopCounting()).Should().OnlyContain(count => count == null);
    }

    [Fact]
    public void Forward_ModelReturningAnotherShape_FailsNamingTheLayer()
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Linear(new TransposingNeuron());

        var act = () => network.ForwardCounting(HandNetworks.LinearInputs());

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("Neuron layer 'spike1': the neuron model's Run returned spikes [2, 4, 4] for input [4, 2, 4]*");
    }

    public static TheoryData<string> Models() => [.. ModelCatalog.Names];

    [Theory]
    [MemberData(nameof(Models))]
    public void Rates_EveryModel_HaveTEntriesInUnitRangeForEveryNeuronLayer(string model)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var input = model == "csnn" ? new long[] { 1, 8, 8 } : [3, 32, 32];
        var network = ModelSpecs.Build(ModelSpecs.For(model, input, width: 2, timesteps: 3));
        network.eval();

        var tally = network.ForwardCounting(rand([2, .. input]) * 4).Firing;

        tally.Layers.Keys.Should().Equal(network.NeuronLayers.Select(layer => layer.GetName()));
        foreach (var (name, layer) in tally.Layers)
        {
            layer.Samples.Should().Be(2, name);
            layer.Spikes.Should().HaveCount(3, name);
            // Binary spikes: whole counts, at most one per neuron and timestep.
            layer.Spikes.Should().OnlyContain(spikes => spikes == Math.Floor(spikes) && spikes >= 0 && spikes <= layer.Neurons * 2, name);
        }
        tally.Rates().Values.Should().OnlyContain(rates => rates.Length == 3 && rates.All(rate => rate >= 0 && rate <= 1));
        tally.Layers.Values.Sum(layer => layer.Spikes.Sum()).Should().BeGreaterThan(0, "a network that never spikes proves nothing");
    }

    [Fact]
    public void ForwardCounting_Csnn_CountsTheSameSpikesInBothModes()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var network = ModelSpecs.Build(ModelSpecs.For("csnn", [1, 8, 8], timesteps: 4));
        network.eval();
        var images = rand([3, 1, 8, 8]) * 3;

        var multi = network.ForwardCounting(images).Firing;
        network.Mode = SimulationMode.SingleStep;
        var single = network.ForwardCounting(images).Firing;

        foreach (var (name, layer) in multi.Layers)
        {
            single.Layers[name].Spikes.Should().Equal(layer.Spikes, name);
            single.Layers[name].Neurons.Should().Be(layer.Neurons, name);
        }
        // csnn on 8x8: 32 channels at 8x8, 64 at 4x4, 256 hidden units.
        multi.Layers.Values.Select(layer => layer.Neurons).Should().Equal(32 * 8 * 8, 64 * 4 * 4, 256);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ForwardCounting_RepeatedInDisposeScopes_KeepsTheLiveTensorCountFlat(bool scattered)
    {
        // Scattered spikes (not one block of memory) are summed by libtorch rather than in place.
        var network = HandNetworks.Linear(scattered ? new ScatteredNeuron() : new HardResetNeuron());
        using var inputs = HandNetworks.LinearInputs();
        FiringTally Pass()
        {
            using var scope = NewDisposeScope();
            return network.ForwardCounting(inputs).Firing;
        }

        Pass();
        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var tallies = Enumerable.Range(0, 5).Select(_ => Pass()).ToArray();

        TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
        tallies.Should().OnlyContain(tally => tally.Layers["spike1"].Spikes.SequenceEqual(Spike1));
    }

    /// <summary><see cref="HardResetNeuron"/>'s spikes, laid out with the last dimension outermost.</summary>
    private sealed class ScatteredNeuron : Abstractions.INeuronModel
    {
        private readonly HardResetNeuron neuron = new();

        public Abstractions.NeuronState CreateState(Tensor input) => neuron.CreateState(input);

        public Abstractions.NeuronStep Step(Tensor input, Abstractions.NeuronState state) => neuron.Step(input, state);

        public Tensor Run(Tensor inputs)
        {
            var spikes = neuron.Run(inputs);
            var last = spikes.dim() - 1;
            return spikes.transpose(0, last).contiguous().transpose(0, last);
        }
    }

    /// <summary>A broken plugin: its spikes have the batch first.</summary>
    private sealed class TransposingNeuron : Abstractions.INeuronModel
    {
        public Abstractions.NeuronState CreateState(Tensor input) => new(zeros_like(input));

        public Abstractions.NeuronStep Step(Tensor input, Abstractions.NeuronState state) => new(input, state);

        public Tensor Run(Tensor inputs) => inputs.transpose(0, 1);
    }
}

using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Tests.ModelZoo;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Firing;

/// <summary>The traced fan-out map and the synaptic operations it gives, checked by hand.</summary>
public sealed class SynapticFanOutTests
{
    /// <summary>Every model at 32×32 (csnn at 8×8), and the residual networks also at 128×128, with the ImageNet stem's pooling.</summary>
    public static TheoryData<string, int> Models()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in ModelCatalog.Names) data.Add(name, name == "csnn" ? 8 : 32);
        foreach (var name in new[] { "ms-resnet18", "sew-resnet34", "spiking-resnet18" }) data.Add(name, (int)ResNetParts.ImageNetStemMinimumSide);
        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Trace_EveryModel_FindsAWeightLayerForEveryNeuronLayer(string model, int side)
    {
        using var scope = NewDisposeScope();
        var input = new long[] { model == "csnn" ? 1 : 3, side, side };
        var network = ModelSpecs.Build(ModelSpecs.For(model, input, width: 2));
        var weightLayers = network.named_modules()
            .Where(pair => pair.module is Conv2d or Linear)
            .Select(pair => pair.name)
            .ToHashSet();

        var fanOut = SynapticFanOut.Trace(network);

        fanOut.Targets.Keys.Should().Equal(network.NeuronLayers.Select(layer => layer.GetName()));
        foreach (var (layer, targets) in fanOut.Targets)
        {
            targets.Should().NotBeEmpty($"the spikes of {layer} must reach a weight layer");
            targets.Select(target => target.Module).Should().BeSubsetOf(weightLayers, layer);
            fanOut.Of(layer).Should().BePositive(layer);
        }
        // The stem's convolution reads the image, never spikes.
        fanOut.Targets.Values.SelectMany(targets => targets).Should().NotContain(target => target.Module == "encoder.conv1");
    }

    [Fact]
    public void Trace_Csnn_FanOutIsTheNextLayersSize()
    {
        using var scope = NewDisposeScope();
        var network = ModelCatalog.Build(new ModelSpec("csnn", 2, [1, 8, 8], 10, [4, 8], 16, 0.5, 0.25), new HardResetNeuron());

        var fanOut = SynapticFanOut.Trace(network);

        // spike1 → max pool → conv2 (8 channels, 3×3); spike2 → pool, flatten → fc1 (16); spike3 → fc2 (10 classes).
        fanOut.Targets["spike1"].Should().Equal(new SynapticTarget("body.conv2", 8 * 9));
        fanOut.Targets["spike2"].Should().Equal(new SynapticTarget("body.fc1", 16));
        fanOut.Targets["spike3"].Should().Equal(new SynapticTarget("body.fc2", 10));
    }

    [Fact]
    public void Trace_HandConvolutions_DividesByGroupsAndStride()
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Convolutional(new HardResetNeuron());

        var fanOut = SynapticFanOut.Trace(network);

        // 6 output channels in 2 groups: 3 per input channel, 3×3 each; 4 channels, 3×3, stride 2: 4·9/4; linear: 5.
        fanOut.Of("spike1").Should().Be(27);
        fanOut.Of("spike2").Should().Be(9);
        fanOut.Of("spike3").Should().Be(5);
    }

    [Fact]
    public void Trace_SpikingResNet_AdditionBeforeTheSpikeStopsAtTheNeuron()
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(ModelSpecs.For("resnet19", [3, 32, 32], width: 2));

        var fanOut = SynapticFanOut.Trace(network);

        // layer1's output (2 channels) feeds the next block's first convolution; its identity shortcut goes into that
        // block's spike2, a neuron, not a weight.
        fanOut.Targets["layer1.0.spike2"].Should().Equal(new SynapticTarget("body.layer1.1.conv1", 2 * 9));
        // The stride-2 block: 3×3 convolution to 4 channels (4·9/4) and the 1×1 stride-2 shortcut (4/4).
        fanOut.Targets["layer1.2.spike2"].Should().Equal(
            new SynapticTarget("body.layer2.0.conv1", 9), new SynapticTarget("body.layer2.0.downsample.0", 1));
        fanOut.Targets["spike_fc1"].Should().Equal(new SynapticTarget("body.fc2", 10));
    }

    [Fact]
    public void Trace_SewResNet_SpikesOnTheIdentityPathReachEveryBlockUpToTheDownsampling()
    {
        using var scope = NewDisposeScope();
        var network = ModelSpecs.Build(ModelSpecs.For("sew-resnet34", [3, 32, 32], width: 2));

        var fanOut = SynapticFanOut.Trace(network);

        // The stem's spikes are added to each of layer1's three blocks' outputs, so every block after reads them, up to
        // layer2.0, whose shortcut is a strided convolution.
        fanOut.Targets["spike1"].Should().Equal(
            new SynapticTarget("body.layer1.0.conv1", 2 * 9),
            new SynapticTarget("body.layer1.1.conv1", 2 * 9),
            new SynapticTarget("body.layer1.2.conv1", 2 * 9),
            new SynapticTarget("body.layer2.0.conv1", 4 * 9 / 4.0),
            new SynapticTarget("body.layer2.0.downsample.0", 4 / 4.0));
        fanOut.Targets["layer2.0.downsample.spike"].Should().HaveCount(4 + 1, "layer2's other three blocks, then layer3.0's two");
    }

    [Fact]
    public void Trace_LeavesTheNetworkAsItWas()
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Linear(new HardResetNeuron());
        network.train();
        var before = network.forward(HandNetworks.LinearInputs()).data<float>().ToArray();

        SynapticFanOut.Trace(network);

        network.training.Should().BeTrue();
        network.forward(HandNetworks.LinearInputs()).data<float>().ToArray().Should().Equal(before);
        network.forward(HandNetworks.LinearInputs()).requires_grad.Should().BeTrue("the trace's hooks must be gone");
    }

    [Fact]
    public void OperationsPerSample_HandNetwork_IsSpikesPerSampleTimesFanOut()
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Linear(new HardResetNeuron());
        var tally = network.ForwardCounting(HandNetworks.LinearInputs()).Firing;

        var operations = SynapticFanOut.Trace(network).OperationsPerSample(tally);

        // spike1: 1 + 4 + 1 + 5 = 11 spikes over 2 samples, each reaching fc's 2 outputs; spike2: 1 + 2 + 1 + 3 = 7,
        // each reaching the classifier's 3.
        operations["spike1"].Should().Be(11 / 2.0 * 2);
        operations["spike2"].Should().Be(7 / 2.0 * 3);
        operations.Values.Sum().Should().Be(21.5);
    }

    [Fact]
    public void OperationsPerSample_HandConvolutions_CountsEveryInputSpikeWithTheGroupedFanOut()
    {
        using var scope = NewDisposeScope();
        var network = HandNetworks.Convolutional(new HardResetNeuron());
        var tally = network.ForwardCounting(ones(3, 2, 4, 4)).Firing;

        var operations = SynapticFanOut.Trace(network).OperationsPerSample(tally);

        // An input of 1 fires every neuron of spike1 at both timesteps: 2·4·4·2 = 64 spikes a sample, 27 synapses each.
        // conv's weights are zero, so spike2 and spike3 stay silent.
        operations["spike1"].Should().Be(64 * 27);
        operations["spike2"].Should().Be(0);
        operations["spike3"].Should().Be(0);
    }
}

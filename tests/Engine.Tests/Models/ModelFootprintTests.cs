using Neuromorph.Engine.Models;
using Neuromorph.Engine.Tests.Network;

namespace Neuromorph.Engine.Tests.ModelZoo;

public sealed class ModelFootprintTests
{
    [Fact]
    public void Measure_Csnn_CountsEveryLayersOutputForOneSampleOverT()
    {
        // csnn on 1×28×28 with channels [c1, c2] = [32, 64], hidden h = 256, M = 10, T = 3. The encoder runs once per
        // image: normalize 784, conv1 and bn1 c1·784 each. The body runs T times: spike1 c1·784, pool1 c1·196, conv2,
        // bn2 and spike2 c2·196 each, pool2 and flatten c2·49 each, fc1 and spike3 h each, fc2 M.
        const long c1 = 32, c2 = 64, h = 256, m = 10, t = 3;
        var encoder = 784 + 2 * c1 * 784;
        var perTimestep = c1 * 784 + c1 * 196 + 3 * c2 * 196 + 2 * c2 * 49 + 2 * h + m;
        // conv1 9·c1, bn1 2·c1, conv2 9·c1·c2, bn2 2·c2, fc1 c2·49·h, fc2 h·M + M.
        var parameters = 9 * c1 + 2 * c1 + 9 * c1 * c2 + 2 * c2 + c2 * 49 * h + h * m + m;

        var footprint = ModelFootprint.Measure(ModelSpecs.For("csnn", [1, 28, 28], timesteps: (int)t), new ThresholdNeuron(), frameSequences: false);

        footprint.Should().Be(new ModelFootprint(parameters, encoder + t * perTimestep, t * c1 * 784));
    }

    [Fact]
    public void Measure_FrameSequences_RunTheEncoderEveryTimestep()
    {
        // As above with 2×32×32 frames, T = 2: the encoder (normalize 2·1024, conv1 and bn1 c1·1024) sees every frame.
        const long c1 = 32, c2 = 64, h = 256, m = 10, t = 2;
        var perTimestep = 2 * 1024 + 2 * c1 * 1024 + c1 * 1024 + c1 * 256 + 3 * c2 * 256 + 2 * c2 * 64 + 2 * h + m;

        var footprint = ModelFootprint.Measure(ModelSpecs.For("csnn", [2, 32, 32], timesteps: (int)t), new ThresholdNeuron(), frameSequences: true);

        footprint.ActivationElements.Should().Be(t * perTimestep);
    }

    [Theory]
    [InlineData("csnn", 1, 28, 0)]
    [InlineData("vgg9", 3, 32, 8)]
    [InlineData("vgg11", 3, 32, 4)]
    [InlineData("vggsnn", 2, 48, 4)]
    [InlineData("ms-resnet18", 3, 32, 4)]
    [InlineData("resnet19", 3, 32, 8)]
    [InlineData("sew-resnet34", 3, 128, 2)]
    [InlineData("spiking-resnet18", 3, 128, 2)]
    public void Measure_ExtrapolatedFromTheSmallestSizes_EqualsRunningTheConfiguredNetwork(string name, long channels, long side, int width)
    {
        // The configured network, run on one sample, is the reference: small widths keep it cheap to run.
        var spec = ModelSpecs.For(name, [channels, side, side], width: width, timesteps: 3) with { Channels = [5, 7], Hidden = 11 };

        var footprint = ModelFootprint.Measure(spec, new ThresholdNeuron(), frameSequences: false);

        var layers = ModelFootprint.LayerOutputs(spec, frameSequences: false);
        footprint.ActivationElements.Should().Be(layers.Sum());
        footprint.LargestActivation.Should().Be(layers.Max());
        footprint.Parameters.Should().Be(ModelSpecs.ParameterCount(ModelSpecs.Build(spec)));
    }

    [Fact]
    public void Measure_LeavesTheSeededGeneratorWhereItWas()
    {
        // The networks measured draw initial weights; the seeded network built after the estimate must not change.
        TorchSharp.torch.manual_seed(7);
        using var expected = TorchSharp.torch.rand(8);
        TorchSharp.torch.manual_seed(7);

        ModelFootprint.Measure(ModelSpecs.For("vgg9", [3, 32, 32]), new ThresholdNeuron(), frameSequences: false);

        using var drawn = TorchSharp.torch.rand(8);
        drawn.data<float>().ToArray().Should().Equal(expected.data<float>().ToArray());
    }

    [Fact]
    public void Measure_AWidthNoMachineCouldHold_AllocatesNothingOfIt()
    {
        // vgg9 at width 16384: 256C3 becomes 65536C3, 9·65536² ≈ 3.9e10 weights each (155 GB of floats).
        var footprint = ModelFootprint.Measure(ModelSpecs.For("vgg9", [3, 32, 32], width: 16384), new ThresholdNeuron(), frameSequences: false);

        footprint.Parameters.Should().BeGreaterThan(3 * 9L * 65536 * 65536);
        // The first layer past the input: conv1 at 16384 channels on 32×32, once per image.
        footprint.LargestActivation.Should().BeGreaterThanOrEqualTo(2 * 16384L * 32 * 32);
    }
}

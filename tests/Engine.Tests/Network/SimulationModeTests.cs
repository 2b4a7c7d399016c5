using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Network;

public sealed class SimulationModeTests
{
    private static SpikingNetwork BuildCsnn(int timesteps)
    {
        manual_seed(7);
        var spec = new ModelSpec("csnn", timesteps, [1, 28, 28], 10, [4, 8], 16, 0.286, 0.353);
        return ModelCatalog.Build(spec, new ThresholdNeuron());
    }

    [Fact]
    public void Forward_MultiStepAndSingleStep_GiveTheSameLogitsAtEveryTimestep()
    {
        using var scope = NewDisposeScope();
        var network = BuildCsnn(timesteps: 4);
        network.eval();
        using (no_grad())
        {
            // Larger weights so that every layer spikes and timesteps differ.
            foreach (var parameter in network.parameters()) parameter.mul_(4);
        }
        manual_seed(11);
        var images = rand(3, 1, 28, 28) * 3;

        network.Mode = SimulationMode.MultiStep;
        var multi = network.forward(images);
        network.Mode = SimulationMode.SingleStep;
        var single = network.forward(images);

        multi.shape.Should().Equal(4, 3, 10);
        single.shape.Should().Equal(4, 3, 10);
        allclose(multi, single, rtol: 1e-5, atol: 1e-5).Should().BeTrue();
        // The neurons really spike and the timesteps differ: otherwise equality would prove nothing.
        multi[0].allclose(multi[3]).Should().BeFalse();
    }

    [Fact]
    public void Forward_SequenceInput_MatchesStaticInputRepeatedOverTime()
    {
        using var scope = NewDisposeScope();
        var network = BuildCsnn(timesteps: 3);
        network.eval();
        var images = rand(2, 1, 28, 28);
        var repeated = images.unsqueeze(0).expand(3, 2, 1, 28, 28);

        allclose(network.forward(images), network.forward(repeated), rtol: 1e-5, atol: 1e-5).Should().BeTrue();
    }

    [Fact]
    public void Forward_WrongInputShape_ThrowsBeforeAnyNativeCall()
    {
        using var scope = NewDisposeScope();
        var network = BuildCsnn(timesteps: 2);
        var act = () => network.forward(rand(2, 1, 32, 32));
        act.Should().Throw<ArgumentException>().WithMessage("*expects inputs [B, 1, 28, 28]*got [2, 1, 32, 32]*");
    }

    [Fact]
    public void Csnn_DefaultWidths_HasThePublishedLayerSizes()
    {
        using var scope = NewDisposeScope();
        var spec = new ModelSpec("csnn", 4, [1, 28, 28], 10, [32, 64], 256, 0.286, 0.353);
        var network = ModelCatalog.Build(spec, new ThresholdNeuron());
        // conv1 1*32*9 + bn1 2*32 + conv2 32*64*9 + bn2 2*64 + fc1 3136*256 + fc2 256*10+10
        const long expected = 288 + 64 + 18432 + 128 + 802816 + 2570;
        network.parameters().Sum(p => p.numel()).Should().Be(expected);
    }
}

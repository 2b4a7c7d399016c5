using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Tests.Training;
using Neuromorph.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Network;

/// <summary>Tiny csnn networks (3 and 4 channels, 5 hidden, T = 2, 8x8 images) and training steps on synthetic images.</summary>
internal static class ParameterizedNetworks
{
    public static readonly ModelSpec Spec = new("csnn", 2, [1, SyntheticImages.Side, SyntheticImages.Side], 10, [3, 4], 5, 0.1, 0.25);

    /// <summary>The neuron layers and their channel counts in <see cref="Spec"/>.</summary>
    public static readonly (string Layer, long Channels)[] Layers = [("spike1", 3), ("spike2", 4), ("spike3", 5)];

    public static SpikingNetwork Csnn(INeuronModel neuron, long seed = 5)
    {
        manual_seed(seed);
        return ModelCatalog.Build(Spec, neuron);
    }

    /// <summary>Forward, cross-entropy on the time-averaged logits, backward and an optimizer step on the first 16 synthetic images.</summary>
    public static void TrainStep(SpikingNetwork network, optim.Optimizer optimizer, int seed = 1)
    {
        using var scope = NewDisposeScope();
        var (inputs, labels) = Batch(seed);
        var loss = new Objective().Compute(new NoDistillation(), network.forward(inputs), labels).Loss;
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    public static (Tensor Inputs, Tensor Labels) Batch(int seed = 1)
    {
        var images = SyntheticImages.Create(16, seed);
        using var loader = new BatchLoader(images, 16, shuffle: false, seed);
        var batch = loader.Epoch(0).First();
        return BatchTensors.From(batch, Spec.InputShape);
    }

    /// <summary>Each parameter's name and a copy of its values.</summary>
    public static Dictionary<string, float[]> Values(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
}

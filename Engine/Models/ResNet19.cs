using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>resnet19</c>: ResNet-19 of Zheng et al. ("Going Deeper With Directly-Trained Larger Spiking Neural Networks",
/// AAAI 2021, the tdBN paper), for CIFAR: conv3×3 128-BN-spike, stages of [3, 3, 2] basic blocks
/// (<see cref="SpikingBasicBlock"/>, addition before the spike) at 128, 256, 512 channels, global average pooling,
/// FC 256 with bias and a spiking layer, and the FC classifier. 128 is the base width w; the stages have w, 2w, 4w
/// channels and the hidden FC 2w units. Always the 3×3 stride-1 stem: the paper defines it for 32×32 images.
/// </summary>
internal static class ResNet19
{
    public const string Name = "resnet19";

    private static readonly int[] BlocksPerStage = [3, 3, 2];

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "ResNet-19: 128/256/512 stages of 3/3/2 blocks, FC 256 (Zheng et al., tdBN, AAAI 2021)",
        DefaultWidth: 128,
        Build,
        _ => null);

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron)
    {
        var width = (long)spec.Width;
        var body = new List<(string, Module<Tensor, Tensor>)> { ("spike1", new NeuronLayer("spike1", neuron, width)) };
        body.AddRange(ResNetParts.Stages(width, BlocksPerStage, (name, input, output, stride) => new SpikingBasicBlock(name, input, output, stride, spec, neuron)));
        body.AddRange(ResNetParts.GlobalPool());
        body.Add(("fc1", Linear(width * 4, width * 2)));
        body.Add(("spike_fc1", new NeuronLayer("spike_fc1", neuron, width * 2)));
        body.Add(("fc2", Linear(width * 2, spec.ClassCount)));
        return ResNetParts.Network(Name, spec, ResNetParts.Encoder(spec, width, imageNetStem: false), body);
    }
}

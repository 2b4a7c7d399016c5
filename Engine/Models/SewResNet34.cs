using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>sew-resnet34</c>: SEW-ResNet-34 of Fang et al. ("Deep Residual Learning in Spiking Neural Networks", NeurIPS 2021)
/// with the ADD connect function (<see cref="SewBasicBlock"/>): stem conv-BN-spike (with max pooling for the ImageNet
/// stem), stages of [3, 4, 6, 3] blocks at w, 2w, 4w, 8w channels (w = 64), global average pooling and one FC
/// classifier. Its spiking layers add no weights, so with the ImageNet stem it has exactly the parameters of
/// torchvision's ResNet-34.
/// </summary>
internal static class SewResNet34
{
    public const string Name = "sew-resnet34";

    private static readonly int[] BlocksPerStage = [3, 4, 6, 3];

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "SEW-ResNet34, ADD connect: spike-element-wise residual blocks (Fang et al., NeurIPS 2021)",
        DefaultWidth: 64,
        Build,
        _ => null);

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron) =>
        ResNetParts.FourStages(
            Name, spec, neuron, BlocksPerStage,
            (name, input, output, stride) => new SewBasicBlock(name, input, output, stride, spec, neuron), spikeAfterStem: true);
}

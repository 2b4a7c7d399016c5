using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>spiking-resnet18</c>: ResNet-18 (He et al., CVPR 2016) with spiking layers in place of its ReLUs and the residual
/// addition before the spike (<see cref="SpikingBasicBlock"/>), the "Spiking ResNet" of the SNN literature (e.g. the
/// baseline of Fang et al., NeurIPS 2021, and SpikingJelly's spiking_resnet18): stem conv-BN-spike (with max pooling
/// for the ImageNet stem), stages of [2, 2, 2, 2] blocks at w, 2w, 4w, 8w channels (w = 64), global average pooling
/// and one FC classifier. With the ImageNet stem it has exactly the parameters of torchvision's ResNet-18.
/// </summary>
internal static class SpikingResNet18
{
    public const string Name = "spiking-resnet18";

    private static readonly int[] BlocksPerStage = [2, 2, 2, 2];

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "Spiking ResNet-18: ResNet-18 with spiking neurons for ReLU, add before the spike (He et al. 2016; Fang et al. 2021)",
        DefaultWidth: 64,
        Build,
        _ => null);

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron) =>
        ResNetParts.FourStages(
            Name, spec, neuron, BlocksPerStage,
            (name, input, output, stride) => new SpikingBasicBlock(name, input, output, stride, spec, neuron), spikeAfterStem: true);
}

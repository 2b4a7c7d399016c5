using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>ms-resnet18</c>: MS-ResNet-18 of Hu et al. ("Advancing Spiking Neural Networks Toward Deep Residual Learning",
/// IEEE TNNLS 2024): stem conv-BN without a spike (with max pooling for the ImageNet stem), stages of [2, 2, 2, 2]
/// membrane-shortcut blocks (<see cref="MembraneShortcutBlock"/>: BN → spike → conv ordering, the shortcut adds
/// membrane potentials) at w, 2w, 4w, 8w channels (w = 64), then a spiking layer, global average pooling of its spikes
/// and one FC classifier. Its layers hold the same weights as ResNet-18's.
/// </summary>
internal static class MsResNet18
{
    public const string Name = "ms-resnet18";

    private static readonly int[] BlocksPerStage = [2, 2, 2, 2];

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "MS-ResNet18: BN-spike-conv order, shortcuts add membrane potentials (Hu et al., IEEE TNNLS 2024)",
        DefaultWidth: 64,
        Build,
        _ => null);

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron) =>
        ResNetParts.FourStages(
            Name, spec, neuron, BlocksPerStage,
            (name, input, output, stride) => new MembraneShortcutBlock(name, input, output, stride, spec, neuron), spikeAfterStem: false);
}

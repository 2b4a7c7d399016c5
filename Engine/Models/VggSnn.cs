using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using static Neuromorph.Engine.Models.VggBuilder;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>vggsnn</c>: VGGSNN of Deng et al. ("Temporal Efficient Training of Spiking Neural Network via Gradient
/// Re-weighting", ICLR 2022) for CIFAR10-DVS: 64C3-128C3-AP2-256C3-256C3-AP2-512C3-512C3-AP2-512C3-512C3-AP2-FC, each
/// convolution followed by batch norm and a spiking layer; at 48×48 the classifier sees 512·3·3 = 4608 features. The
/// convolutions have no bias (the published code keeps one, which the batch norm after it makes redundant).
/// </summary>
/// <remarks>Widths are multiples of the base width w (64): w, 2w, 4w, 4w, 8w, 8w, 8w, 8w. Needs inputs of at least 16×16.</remarks>
internal static class VggSnn
{
    public const string Name = "vggsnn";

    private static readonly int[] Layout = [1, 2, Pool, 4, 4, Pool, 8, 8, Pool, 8, 8, Pool];

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "VGGSNN: 8 conv, 4 average poolings, one FC; for 48x48 event frames (Deng et al., TET, ICLR 2022)",
        DefaultWidth: 64,
        Build,
        input => VggBuilder.InputProblem(Name, input, Layout));

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron) =>
        VggBuilder.Build(Name, spec, neuron, Layout, hiddenMultiple: 0);
}

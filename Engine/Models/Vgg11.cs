using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using static Neuromorph.Engine.Models.VggBuilder;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>vgg11</c>: VGG-11, configuration "A" of Simonyan &amp; Zisserman ("Very Deep Convolutional Networks for Large-Scale
/// Image Recognition", ICLR 2015): 64C3-P-128C3-P-256C3-256C3-P-512C3-512C3-P-512C3-512C3-P, adapted to 32×32 SNNs as is
/// usual: batch norm and a spiking layer after every convolution, 2×2 average pooling for the five max poolings, and
/// the three fully connected layers of the 224×224 original replaced by one classifier on the flattened
/// 512·(H/32)·(W/32) features (512 at 32×32), as in the common CIFAR VGG-11.
/// </summary>
/// <remarks>Widths are multiples of the base width w (64): w, 2w, 4w, 4w, 8w, 8w, 8w, 8w. Needs inputs of at least 32×32.</remarks>
internal static class Vgg11
{
    public const string Name = "vgg11";

    private static readonly int[] Layout = [1, Pool, 2, Pool, 4, 4, Pool, 8, 8, Pool, 8, 8, Pool];

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "VGG-11 (configuration A, Simonyan & Zisserman, ICLR 2015) for 32x32: BN, average pooling, one FC classifier",
        DefaultWidth: 64,
        Build,
        input => VggBuilder.InputProblem(Name, input, Layout));

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron) =>
        VggBuilder.Build(Name, spec, neuron, Layout, hiddenMultiple: 0);
}

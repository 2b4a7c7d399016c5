using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using static Neuromorph.Engine.Models.VggBuilder;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>vgg9</c>: the 7-convolution + 2-FC VGG-9 of the SNN literature: 64C3-64C3-AP2-128C3-128C3-AP2-256C3-256C3-256C3-AP2
/// -FC1024-FC(classes), as defined by Lee et al. ("Enabling Spike-Based Backpropagation for Training Deep Neural Network
/// Architectures", Frontiers in Neuroscience 2020) and used with batch norm by Kim &amp; Panda (BNTT, Frontiers in
/// Neuroscience 2021) and the SNN self-distillation and robustness work that trains on CIFAR (32×32) and on 48×48 event
/// frames. It is followed because it is the definition those papers share (the other "VGG-9"s differ in where they
/// pool); every convolution and the hidden FC layer are followed by batch norm and a spiking layer.
/// </summary>
/// <remarks>
/// Widths are multiples of the base width w (64): w, w, 2w, 2w, 4w, 4w, 4w, and 16w (1024) hidden units. With
/// 32×32 inputs the hidden layer sees 256·4·4 = 4096 features, with 48×48 ones 256·6·6 = 9216.
/// </remarks>
internal static class Vgg9
{
    public const string Name = "vgg9";

    private static readonly int[] Layout = [1, 1, Pool, 2, 2, Pool, 4, 4, 4, Pool];

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "VGG-9: 7 conv + 2 FC (1024), average pooling (Lee et al., Front. Neurosci. 2020; BNTT, Kim & Panda 2021)",
        DefaultWidth: 64,
        Build,
        input => VggBuilder.InputProblem(Name, input, Layout));

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron) =>
        VggBuilder.Build(Name, spec, neuron, Layout, hiddenMultiple: 16);
}

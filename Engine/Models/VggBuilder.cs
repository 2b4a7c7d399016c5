using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// Builds the VGG family from a layout: each entry is a 3×3 convolution (stride 1, padding 1, no bias: the batch
/// norm after it has one) followed by batch norm and a spiking layer, or <see cref="Pool"/>, a 2×2 average pooling.
/// Then the feature map is flattened into an optional hidden fully connected layer (no bias, batch norm, spiking
/// layer) and the classifier, a fully connected layer with bias.
/// </summary>
/// <remarks>
/// Average pooling keeps what the spikes carry (a spike rate) where max pooling of binary spikes would keep only
/// whether any neuron in the window fired; the SNN VGGs these builds follow all pool by average. Pooling rounds
/// down, so a side needs at least 2^pools pixels (checked by <see cref="InputProblem"/>).
/// </remarks>
internal static class VggBuilder
{
    /// <summary>A layout entry that stands for a 2×2 average pooling.</summary>
    public const int Pool = 0;

    /// <param name="name">The model's name.</param>
    /// <param name="spec">The spec, its width resolved.</param>
    /// <param name="neuron">The neuron model of every spiking layer.</param>
    /// <param name="layout">Convolution widths as multiples of the base width, and <see cref="Pool"/>s; starts with a convolution.</param>
    /// <param name="hiddenMultiple">The hidden fully connected layer's width as a multiple of the base width; 0 for none.</param>
    public static SpikingNetwork Build(string name, ModelSpec spec, INeuronModel neuron, IReadOnlyList<int> layout, int hiddenMultiple)
    {
        if (layout.Count == 0 || layout[0] == Pool) throw new ArgumentException("A VGG layout starts with a convolution.", nameof(layout));
        var width = (long)spec.Width;
        var (height, breadth) = (spec.InputShape[1], spec.InputShape[2]);
        var first = width * layout[0];
        var encoder = Sequential(
            ("normalize", InputNormalization.For(spec)),
            ("conv1", Conv2d(spec.InputShape[0], first, 3, padding: 1, bias: false)),
            ("bn1", BatchNorms.Create2d(first, spec)));

        var body = new List<(string, Module<Tensor, Tensor>)> { ("spike1", new NeuronLayer("spike1", neuron, first)) };
        var (channels, convolutions, pools) = (first, 1, 0);
        foreach (var entry in layout.Skip(1))
        {
            if (entry == Pool)
            {
                pools++;
                body.Add(($"pool{pools}", AvgPool2d(2)));
                (height, breadth) = (height / 2, breadth / 2);
                continue;
            }
            convolutions++;
            var next = width * entry;
            body.Add(($"conv{convolutions}", Conv2d(channels, next, 3, padding: 1, bias: false)));
            body.Add(($"bn{convolutions}", BatchNorms.Create2d(next, spec)));
            body.Add(($"spike{convolutions}", new NeuronLayer($"spike{convolutions}", neuron, next)));
            channels = next;
        }

        body.Add(("flatten", Flatten()));
        var features = channels * height * breadth;
        if (hiddenMultiple > 0)
        {
            var hidden = width * hiddenMultiple;
            body.Add(("fc1", Linear(features, hidden, hasBias: false)));
            body.Add(("bn_fc1", BatchNorms.Create1d(hidden, spec)));
            body.Add(("spike_fc1", new NeuronLayer("spike_fc1", neuron, hidden)));
            features = hidden;
        }
        body.Add(("classifier", Linear(features, spec.ClassCount)));
        return new SpikingNetwork(name, spec.Timesteps, spec.InputShape, spec.ClassCount, encoder, Sequential(body.ToArray()));
    }

    /// <summary>Why <paramref name="input"/> is too small for <paramref name="layout"/>'s poolings, or null.</summary>
    public static string? InputProblem(string name, IReadOnlyList<long> input, IReadOnlyList<int> layout) =>
        InputRequirements.SurvivesHalvings(name, input, layout.Count(entry => entry == Pool), "2x2 average pooling");
}

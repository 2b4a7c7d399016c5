using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// <c>csnn</c>: conv3x3(C→c1, no bias)-BN-spike-maxpool2 → conv3x3(c1→c2, no bias)-BN-spike-maxpool2 →
/// flatten → linear(c2·H/4·W/4 → hidden, no bias)-spike → linear(hidden → M). With the defaults on
/// 28×28 images: 32 and 64 channels, 3136 → 256 → 10. Sized by <see cref="ModelSpec.Channels"/> and
/// <see cref="ModelSpec.Hidden"/>, not by a base width; needs an input height and width divisible by 4.
/// </summary>
internal static class ConvolutionalSnn
{
    public const string Name = "csnn";

    public static ModelArchitecture Architecture { get; } = new(
        Name,
        "conv-BN-spike-pool x2, FC hidden, FC: the small convolutional SNN of the quickstart (channels, hidden)",
        DefaultWidth: 0,
        Build,
        input => InputRequirements.DivisibleBy(Name, input, 4));

    private static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron)
    {
        if (spec.Channels.Count != 2 || spec.Channels.Any(c => c < 1))
            throw new ArgumentException($"Model '{Name}' needs exactly two positive channel widths, got [{string.Join(", ", spec.Channels)}].");
        var (inChannels, height, width) = (spec.InputShape[0], spec.InputShape[1], spec.InputShape[2]);
        var (c1, c2) = (spec.Channels[0], spec.Channels[1]);
        var flattened = c2 * (height / 4) * (width / 4);

        var encoder = Sequential(
            ("normalize", InputNormalization.For(spec)),
            ("conv1", Conv2d(inChannels, c1, 3, padding: 1, bias: false)),
            ("bn1", BatchNorms.Create2d(c1, spec)));
        var body = Sequential(
            ("spike1", new NeuronLayer("spike1", neuron, c1)),
            ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(c1, c2, 3, padding: 1, bias: false)),
            ("bn2", BatchNorms.Create2d(c2, spec)),
            ("spike2", new NeuronLayer("spike2", neuron, c2)),
            ("pool2", MaxPool2d(2)),
            ("flatten", Flatten()),
            ("fc1", Linear(flattened, spec.Hidden, hasBias: false)),
            ("spike3", new NeuronLayer("spike3", neuron, spec.Hidden)),
            ("fc2", Linear(spec.Hidden, spec.ClassCount)));
        return new SpikingNetwork(Name, spec.Timesteps, spec.InputShape, spec.ClassCount, encoder, body);
    }
}

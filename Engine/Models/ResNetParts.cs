using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// The pieces the residual networks share: the stem, the stages of blocks, the downsampling shortcut and the head.
/// </summary>
/// <remarks>
/// The stem is chosen by input size, as the published models are: images whose smaller side is at least
/// <see cref="ImageNetStemMinimumSide"/> get the ImageNet stem (7×7 convolution with stride 2, then 3×3 max pooling
/// with stride 2: a quarter of the side before the first stage), smaller ones (CIFAR's 32×32, 48×48 or 64×64 event
/// frames) the CIFAR stem (3×3 convolution with stride 1, no pooling). Stage i has 2^i·w channels; every stage but the
/// first starts with a stride-2 block. Strided convolutions round up, so any input size works.
/// </remarks>
internal static class ResNetParts
{
    /// <summary>The smaller input side from which the ImageNet stem is used.</summary>
    public const long ImageNetStemMinimumSide = 128;

    /// <summary>Whether <paramref name="spec"/>'s input is large enough for the ImageNet stem.</summary>
    public static bool UsesImageNetStem(ModelSpec spec) =>
        Math.Min(spec.InputShape[1], spec.InputShape[2]) >= ImageNetStemMinimumSide;

    /// <summary>Input normalisation, the stem's convolution (3×3 stride 1, or 7×7 stride 2) and its batch norm.</summary>
    public static Sequential Encoder(ModelSpec spec, long width, bool imageNetStem) => Sequential(
        ("normalize", InputNormalization.For(spec)),
        ("conv1", imageNetStem
            ? Conv2d(spec.InputShape[0], width, 7, stride: 2, padding: 3, bias: false)
            : Conv2d(spec.InputShape[0], width, 3, stride: 1, padding: 1, bias: false)),
        ("bn1", BatchNorms.Create2d(width, spec)));

    /// <summary>The ImageNet stem's 3×3 max pooling with stride 2.</summary>
    public static (string, Module<Tensor, Tensor>) StemPool() => ("maxpool", MaxPool2d(3, stride: 2, padding: 1));

    /// <summary>
    /// The stages <c>layer1</c>, <c>layer2</c>, ...: stage i holds <paramref name="blocksPerStage"/>[i] blocks of
    /// 2^i·<paramref name="width"/> channels, named <c>layer{i+1}.{j}</c>; the first block of every stage after the
    /// first has stride 2.
    /// </summary>
    /// <param name="block">Makes one block from its name, input channels, output channels and stride.</param>
    public static IEnumerable<(string, Module<Tensor, Tensor>)> Stages(
        long width, IReadOnlyList<int> blocksPerStage, Func<string, long, long, long, Module<Tensor, Tensor>> block)
    {
        var channels = width;
        for (var stage = 0; stage < blocksPerStage.Count; stage++)
        {
            var output = width << stage;
            var blocks = new (string, Module<Tensor, Tensor>)[blocksPerStage[stage]];
            for (var j = 0; j < blocks.Length; j++)
            {
                var stride = j == 0 && stage > 0 ? 2 : 1;
                blocks[j] = ($"{j}", block($"layer{stage + 1}.{j}", channels, output, stride));
                channels = output;
            }
            yield return ($"layer{stage + 1}", Sequential(blocks));
        }
    }

    /// <summary>
    /// The shortcut of a block that changes the shape: 1×1 convolution with the block's stride, batch norm, and
    /// <paramref name="spike"/> when given; null when the shape stays (the identity shortcut).
    /// </summary>
    /// <param name="beforeAddition">The batch norm's output is summed with the residual branch before a neuron (tdBN's α/√2).</param>
    public static Sequential? Downsample(
        long inChannels, long outChannels, long stride, ModelSpec spec, bool beforeAddition, NeuronLayer? spike = null)
    {
        if (inChannels == outChannels && stride == 1) return null;
        var conv = Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
        var norm = BatchNorms.Create2d(outChannels, spec, beforeAddition);
        return spike is null
            ? Sequential(("0", conv), ("1", norm))
            : Sequential(("0", conv), ("1", norm), ("2", spike));
    }

    /// <summary>Global average pooling and flattening: <c>[N, C, H, W]</c> to <c>[N, C]</c>.</summary>
    public static IEnumerable<(string, Module<Tensor, Tensor>)> GlobalPool() =>
        [("avgpool", AdaptiveAvgPool2d(1)), ("flatten", Flatten())];

    /// <summary>The network from its encoder and the body's layers.</summary>
    public static SpikingNetwork Network(string name, ModelSpec spec, Sequential encoder, IEnumerable<(string, Module<Tensor, Tensor>)> body) =>
        new(name, spec.Timesteps, spec.InputShape, spec.ClassCount, encoder, Sequential(body.ToArray()));

    /// <summary>
    /// The four-stage ImageNet-family ResNet the SEW, Spiking and MS variants share: the stem (with max pooling for
    /// the ImageNet stem), stages of <paramref name="blocksPerStage"/> blocks at w, 2w, 4w, 8w channels, global
    /// average pooling and one FC classifier. The variants differ in the block and in where the one spiking layer
    /// outside the blocks sits: after the stem (<paramref name="spikeAfterStem"/>: Spiking and SEW ResNets) or after
    /// the last stage, before pooling (MS-ResNet, whose blocks start with their own spike).
    /// </summary>
    /// <param name="block">Makes one block from its name, input channels, output channels and stride.</param>
    public static SpikingNetwork FourStages(
        string name, ModelSpec spec, INeuronModel neuron, IReadOnlyList<int> blocksPerStage,
        Func<string, long, long, long, Module<Tensor, Tensor>> block, bool spikeAfterStem)
    {
        var width = (long)spec.Width;
        var imageNetStem = UsesImageNetStem(spec);
        var body = new List<(string, Module<Tensor, Tensor>)>();
        if (spikeAfterStem) body.Add(("spike1", new NeuronLayer("spike1", neuron, width)));
        if (imageNetStem) body.Add(StemPool());
        body.AddRange(Stages(width, blocksPerStage, block));
        if (!spikeAfterStem) body.Add(("spike_out", new NeuronLayer("spike_out", neuron, width * 8)));
        body.AddRange(GlobalPool());
        body.Add(("fc", Linear(width * 8, spec.ClassCount)));
        return Network(name, spec, Encoder(spec, width, imageNetStem), body);
    }
}

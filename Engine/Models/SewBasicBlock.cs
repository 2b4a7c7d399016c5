using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// The spike-element-wise (SEW) basic block of Fang et al. ("Deep Residual Learning in Spiking Neural Networks",
/// NeurIPS 2021) with the ADD connect function: <c>spike(BN(conv3×3(spike(BN(conv3×3(x)))))) + shortcut(x)</c>, the
/// sum of two spike tensors, where the shortcut is the identity or, when the block changes the shape, a strided 1×1
/// convolution, batch norm and a spiking layer (the paper's downsample block). Works on <c>[T·B, C, H, W]</c> rows or
/// one timestep's <c>[B, C, H, W]</c>; its neuron layers are registered submodules.
/// </summary>
internal sealed class SewBasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly NeuronLayer spike1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly NeuronLayer spike2;
    private readonly Sequential? downsample;

    /// <inheritdoc cref="SpikingBasicBlock(string, long, long, long, ModelSpec, INeuronModel)"/>
    public SewBasicBlock(string name, long inChannels, long outChannels, long stride, ModelSpec spec, INeuronModel neuron)
        : base(name)
    {
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorms.Create2d(outChannels, spec);
        spike1 = new NeuronLayer($"{name}.spike1", neuron, outChannels);
        conv2 = Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = BatchNorms.Create2d(outChannels, spec);
        spike2 = new NeuronLayer($"{name}.spike2", neuron, outChannels);
        downsample = ResNetParts.Downsample(
            inChannels, outChannels, stride, spec, beforeAddition: false, new NeuronLayer($"{name}.downsample.spike", neuron, outChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var residual = spike2.call(bn2.call(conv2.call(spike1.call(bn1.call(conv1.call(input))))));
        return residual + (downsample?.call(input) ?? input);
    }
}

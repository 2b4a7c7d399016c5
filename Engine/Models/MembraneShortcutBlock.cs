using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// The membrane-shortcut block of MS-ResNet (Hu et al., "Advancing Spiking Neural Networks Toward Deep Residual
/// Learning", IEEE TNNLS 2024): spike → conv3×3 → BN → spike → conv3×3 → BN, added to the block's input, so the
/// shortcut carries membrane potentials (pre-spike values) from block to block and every convolution sees spikes. When
/// the block changes the shape, the shortcut is a strided 1×1 convolution and batch norm of the block's input spikes
/// (the spikes the residual branch starts with), which keeps the shortcut's convolution spike-driven too. Works on
/// <c>[T·B, C, H, W]</c> rows or one timestep's <c>[B, C, H, W]</c>; its neuron layers are registered submodules.
/// </summary>
internal sealed class MembraneShortcutBlock : Module<Tensor, Tensor>
{
    private readonly NeuronLayer spike1;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly NeuronLayer spike2;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    /// <inheritdoc cref="SpikingBasicBlock(string, long, long, long, ModelSpec, INeuronModel)"/>
    public MembraneShortcutBlock(string name, long inChannels, long outChannels, long stride, ModelSpec spec, INeuronModel neuron)
        : base(name)
    {
        spike1 = new NeuronLayer($"{name}.spike1", neuron, inChannels);
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorms.Create2d(outChannels, spec);
        spike2 = new NeuronLayer($"{name}.spike2", neuron, outChannels);
        conv2 = Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = BatchNorms.Create2d(outChannels, spec, beforeAddition: true);
        downsample = ResNetParts.Downsample(inChannels, outChannels, stride, spec, beforeAddition: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var spikes = spike1.call(input);
        var residual = bn2.call(conv2.call(spike2.call(bn1.call(conv1.call(spikes)))));
        return residual + (downsample?.call(spikes) ?? input);
    }
}

using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// The basic block of a spiking ResNet with the addition before the spike (Spiking ResNet, ResNet-19):
/// <c>spike(BN(conv3×3(spike(BN(conv3×3(x))))) + shortcut(x))</c>, where the shortcut is the identity or, when the
/// block changes the shape, a strided 1×1 convolution and batch norm. Works on <c>[T·B, C, H, W]</c> rows (multi-step)
/// or one timestep's <c>[B, C, H, W]</c>; its neuron layers are registered submodules, so the network finds them.
/// </summary>
internal sealed class SpikingBasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly NeuronLayer spike1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;
    private readonly NeuronLayer spike2;

    /// <param name="name">The block's place in the network (<c>layer2.0</c>), which prefixes its neuron layers' names.</param>
    /// <param name="inChannels">Channels of the block's input.</param>
    /// <param name="outChannels">Channels of its output.</param>
    /// <param name="stride">The first convolution's (and the shortcut's) stride.</param>
    /// <param name="spec">The model being built (batch-norm kind).</param>
    /// <param name="neuron">The neuron model.</param>
    public SpikingBasicBlock(string name, long inChannels, long outChannels, long stride, ModelSpec spec, INeuronModel neuron)
        : base(name)
    {
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorms.Create2d(outChannels, spec);
        spike1 = new NeuronLayer($"{name}.spike1", neuron, outChannels);
        conv2 = Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = BatchNorms.Create2d(outChannels, spec, beforeAddition: true);
        downsample = ResNetParts.Downsample(inChannels, outChannels, stride, spec, beforeAddition: true);
        spike2 = new NeuronLayer($"{name}.spike2", neuron, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var residual = bn2.call(conv2.call(spike1.call(bn1.call(conv1.call(input)))));
        return spike2.call(residual + (downsample?.call(input) ?? input));
    }
}

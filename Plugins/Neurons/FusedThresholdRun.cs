using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// Runs a threshold neuron over all timesteps at once with the fused kernel: one autograd node for the
/// whole sequence when a gradient is wanted (<see cref="FusedThresholdFunction"/>), the bare forward pass
/// otherwise. Its spikes and gradients equal those of stepping the neuron T times under autograd.
/// </summary>
internal static class FusedThresholdRun
{
    /// <summary>
    /// Whether the kernel runs <paramref name="inputs"/>: a non-empty <c>[T, ...]</c> float32 or float64 tensor in
    /// CPU memory of at most 2 GB. Anything else (another device or element type) steps instead.
    /// </summary>
    public static bool Supports(Tensor inputs) =>
        inputs.device_type == DeviceType.CPU
        && (inputs.dtype == float32 || inputs.dtype == float64)
        && inputs.dim() >= 1
        && inputs.shape[0] > 0
        && inputs.numel() > 0
        && inputs.numel() * inputs.element_size() <= int.MaxValue;

    /// <summary>The spikes <c>[T, ...]</c> of <paramref name="dynamics"/> driven by <paramref name="inputs"/>, from V(−1) = 0.</summary>
    public static Tensor Run(Tensor inputs, ThresholdDynamics dynamics)
    {
        if (!Supports(inputs))
            throw new ArgumentException(
                $"The fused kernel runs non-empty float32 or float64 CPU tensors of at most 2 GB; got {inputs.dtype} " +
                $"[{string.Join(", ", inputs.shape)}] on {inputs.device}.", nameof(inputs));
        var decay = dynamics.Charge is MembraneCharge.LeakByDecay leak ? DecayFor(leak.Decay, inputs) : null;
        if (is_grad_enabled() && (inputs.requires_grad || decay?.requires_grad == true))
            return FusedThresholdFunction.apply(inputs, decay!, dynamics);

        using var scope = NewDisposeScope();
        var decayValues = decay is null ? null : LearnableDecay.PerElement(decay, inputs.shape[1..]);
        var (spikes, _) = FusedThresholdPass.Forward(inputs, decayValues, decayNeedsGradient: false, dynamics, forBackward: false);
        return spikes.MoveToOuterDisposeScope();
    }

    /// <summary>The decay in the inputs' element type (a differentiable conversion, so its gradient flows back).</summary>
    private static Tensor DecayFor(Tensor decay, Tensor inputs)
    {
        if (decay.device_type != DeviceType.CPU)
            throw new ArgumentException($"The decay is on {decay.device}, the inputs in CPU memory.", nameof(decay));
        return decay.dtype == inputs.dtype ? decay : decay.to_type(inputs.dtype);
    }
}

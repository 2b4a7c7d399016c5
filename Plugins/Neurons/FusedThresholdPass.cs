using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>What the fused forward pass keeps for the backward pass (see <see cref="FusedThresholdFunction"/>).</summary>
/// <param name="Derivative">g(t) = surrogate derivative at H(t) − θ, <c>[T, ...]</c>; always kept.</param>
/// <param name="SurrogateArgument">H(t) − θ, kept only for a hard reset that is not detached.</param>
/// <param name="SpikeBytes">S(t) as uint8, kept only for a hard reset that is detached.</param>
/// <param name="DecayArgument">X(t) − V(t−1), kept only when a learnable decay needs its gradient.</param>
internal sealed record SavedForBackward(Tensor Derivative, Tensor? SurrogateArgument, Tensor? SpikeBytes, Tensor? DecayArgument);

/// <summary>
/// One fused forward or backward pass over all timesteps: allocates the buffers, runs
/// <see cref="ThresholdRecurrence{T}"/> for the inputs' element type, and evaluates the surrogate derivative
/// once for the whole sequence. Records no autograd graph of its own.
/// </summary>
internal static class FusedThresholdPass
{
    /// <summary>
    /// The spikes <c>[T, ...]</c> of <paramref name="inputs"/>, and, when <paramref name="forBackward"/>, what the
    /// backward pass needs. <paramref name="decayValues"/> holds k per element of a timestep for
    /// <see cref="MembraneCharge.LeakByDecay"/> (see <see cref="DecayValues"/>).
    /// </summary>
    public static (Tensor Spikes, SavedForBackward? Saved) Forward(
        Tensor inputs, Array? decayValues, bool decayNeedsGradient, ThresholdDynamics dynamics, bool forBackward)
    {
        var x = inputs.contiguous();
        var timesteps = (int)x.shape[0];
        var hard = dynamics.Reset == ResetMode.Hard;
        var spikes = empty_like(x);
        var surrogateArgument = forBackward ? empty_like(x) : null;
        var spikeBytes = forBackward && hard && dynamics.DetachReset ? empty(x.shape, dtype: uint8) : null;
        var decayArgument = forBackward && decayNeedsGradient ? empty_like(x) : null;
        var buffers = new ForwardBuffers(x, spikes, surrogateArgument, spikeBytes, decayArgument);
        if (x.dtype == float32)
            ThresholdRecurrence<float>.Forward(dynamics.Charge, (float[]?)decayValues, buffers, timesteps, dynamics.Threshold, dynamics.Reset);
        else
            ThresholdRecurrence<double>.Forward(dynamics.Charge, (double[]?)decayValues, buffers, timesteps, dynamics.Threshold, dynamics.Reset);

        if (!forBackward) return (spikes, null);
        var derivative = SurrogateDerivative(dynamics.Surrogate, surrogateArgument!);
        var keepArgument = hard && !dynamics.DetachReset;
        return (spikes, new SavedForBackward(derivative, keepArgument ? surrogateArgument : null, spikeBytes, decayArgument));
    }

    /// <summary>
    /// dL/dX <c>[T, ...]</c> and, when a decay argument was saved, dL/dk shaped <paramref name="decayShape"/>,
    /// from dL/dS <paramref name="spikeGradient"/>.
    /// </summary>
    public static (Tensor InputGradient, Tensor? DecayGradient) Backward(
        Tensor spikeGradient, SavedForBackward saved, Array? decayValues, long[]? decayShape, ThresholdDynamics dynamics)
    {
        var derivative = saved.Derivative;
        if (!spikeGradient.shape.SequenceEqual(derivative.shape))
            throw new InvalidOperationException(
                $"The gradient of the fused neuron run has shape [{string.Join(", ", spikeGradient.shape)}], " +
                $"not the spikes' [{string.Join(", ", derivative.shape)}].");
        var timesteps = (int)derivative.shape[0];
        var stepShape = derivative.shape[1..];
        var gradient = spikeGradient.to_type(derivative.dtype).contiguous();
        var inputGradient = empty_like(derivative);
        var decayGradient = saved.DecayArgument is null ? null : zeros(derivative.numel() / timesteps, dtype: derivative.dtype);
        var buffers = new BackwardBuffers(gradient, derivative, saved.SurrogateArgument, saved.SpikeBytes, saved.DecayArgument, inputGradient, decayGradient);
        if (derivative.dtype == float32)
            ThresholdRecurrence<float>.Backward(dynamics.Charge, (float[]?)decayValues, buffers, timesteps, dynamics.Threshold, dynamics.Reset, dynamics.DetachReset);
        else
            ThresholdRecurrence<double>.Backward(dynamics.Charge, (double[]?)decayValues, buffers, timesteps, dynamics.Threshold, dynamics.Reset, dynamics.DetachReset);

        return (inputGradient, decayGradient is null ? null : SumToShape(decayGradient.view(stepShape), decayShape!));
    }

    /// <summary>
    /// k for every element of one timestep shaped <paramref name="stepShape"/>, as a <c>float[]</c> or
    /// <c>double[]</c> like <paramref name="decay"/>, which must broadcast against that shape.
    /// </summary>
    public static Array DecayValues(Tensor decay, long[] stepShape)
    {
        EnsureBroadcasts(decay.shape, stepShape);
        using var scope = NewDisposeScope();
        var expanded = decay.detach().expand(stepShape).contiguous();
        return decay.dtype == float32
            ? ThresholdRecurrence<float>.Elements(expanded).ToArray()
            : ThresholdRecurrence<double>.Elements(expanded).ToArray();
    }

    private static Tensor SurrogateDerivative(ISurrogateGradient surrogate, Tensor argument)
    {
        var derivative = surrogate.Derivative(argument);
        if (!derivative.shape.SequenceEqual(argument.shape))
            throw new InvalidOperationException(
                $"The '{surrogate.Name}' surrogate returned a derivative shaped [{string.Join(", ", derivative.shape)}] " +
                $"for an argument shaped [{string.Join(", ", argument.shape)}].");
        return derivative.detach().to_type(argument.dtype).contiguous();
    }

    /// <summary>Sums <paramref name="gradient"/> over the dimensions that <paramref name="shape"/> broadcast along.</summary>
    private static Tensor SumToShape(Tensor gradient, long[] shape)
    {
        var leading = gradient.dim() - shape.Length;
        var reduced = leading > 0 ? gradient.sum(Enumerable.Range(0, (int)leading).Select(d => (long)d).ToArray()) : gradient;
        var broadcast = Enumerable.Range(0, shape.Length).Where(d => shape[d] == 1 && reduced.shape[d] != 1).Select(d => (long)d).ToArray();
        if (broadcast.Length > 0) reduced = reduced.sum(broadcast, keepdim: true);
        return reduced.reshape(shape);
    }

    private static void EnsureBroadcasts(long[] shape, long[] stepShape)
    {
        var fits = shape.Length <= stepShape.Length &&
                   shape.Select((size, d) => size == 1 || size == stepShape[stepShape.Length - shape.Length + d]).All(ok => ok);
        if (!fits)
            throw new ArgumentException(
                $"A decay shaped [{string.Join(", ", shape)}] does not broadcast against one timestep " +
                $"[{string.Join(", ", stepShape)}].", nameof(shape));
    }
}

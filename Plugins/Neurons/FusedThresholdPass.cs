using System.Numerics;
using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// One fused forward or backward pass over all timesteps: allocates the buffers, runs
/// <see cref="ThresholdRecurrence{T}"/> for the inputs' element type block by block of timesteps, and evaluates
/// the surrogate derivative once per block, right after the block's recurrence, while the block is still in
/// cache (its temporaries are block-sized and reused). Records no autograd graph of its own.
/// </summary>
internal static class FusedThresholdPass
{
    /// <summary>The size of one block of timesteps (at least one timestep).</summary>
    private const long BlockBytes = 512 * 1024;

    /// <summary>libtorch's grain size: element-wise operations on fewer elements run on the calling thread alone.</summary>
    private const long DerivativeChunk = 32768;

    /// <summary>
    /// The spikes <c>[T, ...]</c> of <paramref name="inputs"/>, and, when <paramref name="forBackward"/>, what the
    /// backward pass needs. <paramref name="decayValues"/> holds k per element of a timestep for
    /// <see cref="MembraneCharge.LeakByDecay"/> (see <see cref="LearnableDecay.PerElement"/>).
    /// </summary>
    public static (Tensor Spikes, SavedForBackward? Saved) Forward(
        Tensor inputs, Array? decayValues, bool decayNeedsGradient, ThresholdDynamics dynamics, bool forBackward) =>
        inputs.dtype == float32
            ? Forward((float[]?)decayValues, inputs, decayNeedsGradient, dynamics, forBackward)
            : Forward((double[]?)decayValues, inputs, decayNeedsGradient, dynamics, forBackward);

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
        var (inputGradient, decayGradient) = derivative.dtype == float32
            ? Backward((float[]?)decayValues, spikeGradient, saved, dynamics)
            : Backward((double[]?)decayValues, spikeGradient, saved, dynamics);
        return (inputGradient, decayGradient is null ? null : LearnableDecay.GradientShaped(decayGradient.view(derivative.shape[1..]), decayShape!));
    }

    private static (Tensor, SavedForBackward?) Forward<T>(
        T[]? decay, Tensor inputs, bool decayNeedsGradient, ThresholdDynamics dynamics, bool forBackward)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = inputs.contiguous();
        var timesteps = (int)x.shape[0];
        var elements = (int)(x.numel() / timesteps);
        var hard = dynamics.Reset == ResetMode.Hard;
        var keepArgument = forBackward && hard && !dynamics.DetachReset;
        var spikes = empty_like(x);
        var derivative = forBackward ? empty_like(x) : null;
        var surrogateArgument = keepArgument ? empty_like(x) : null;
        var spikeBytes = forBackward && hard && dynamics.DetachReset ? empty(x.shape, dtype: uint8) : null;
        var decayArgument = forBackward && decayNeedsGradient ? empty_like(x) : null;
        // Without a backward pass there is no derivative to evaluate between blocks: one block.
        var rows = forBackward ? RowsPerBlock(timesteps, elements, x.element_size()) : timesteps;
        var scratch = forBackward && !keepArgument ? empty([rows, .. x.shape[1..]], dtype: x.dtype) : null;
        var membrane = new T[elements]; // V(−1) = 0
        for (var first = 0; first < timesteps; first += rows)
        {
            using var blockScope = NewDisposeScope();
            var count = Math.Min(rows, timesteps - first);
            var argument = keepArgument ? surrogateArgument!.narrow(0, first, count) : scratch?.narrow(0, 0, count);
            var block = new ForwardBuffers(
                x.narrow(0, first, count), spikes.narrow(0, first, count), argument,
                spikeBytes?.narrow(0, first, count), decayArgument?.narrow(0, first, count));
            ThresholdRecurrence<T>.Forward(dynamics.Charge, decay, block, membrane, dynamics.Threshold, dynamics.Reset);
            if (derivative is not null) EvaluateDerivative(dynamics.Surrogate, argument!, derivative.narrow(0, first, count));
        }

        return forBackward
            ? (spikes, new SavedForBackward(derivative!, surrogateArgument, spikeBytes, decayArgument))
            : (spikes, null);
    }

    private static (Tensor InputGradient, Tensor? DecayGradient) Backward<T>(
        T[]? decay, Tensor spikeGradient, SavedForBackward saved, ThresholdDynamics dynamics)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var derivative = saved.Derivative;
        var timesteps = (int)derivative.shape[0];
        var elements = (int)(derivative.numel() / timesteps);
        var inputGradient = empty_like(derivative);
        var decayGradient = saved.DecayArgument is null ? null : zeros(elements, dtype: derivative.dtype);
        var membraneGradient = new T[elements]; // dL/dV(T−1) = 0: the last membrane is no output
        // A gradient that is not laid out like the spikes (e.g. the expanded ones of a sum) is copied block by block.
        var rows = spikeGradient.is_contiguous() && spikeGradient.dtype == derivative.dtype
            ? timesteps
            : RowsPerBlock(timesteps, elements, derivative.element_size());
        for (var first = (timesteps - 1) / rows * rows; first >= 0; first -= rows)
        {
            using var blockScope = NewDisposeScope();
            var count = Math.Min(rows, timesteps - first);
            var block = new BackwardBuffers(
                spikeGradient.narrow(0, first, count).to_type(derivative.dtype).contiguous(),
                derivative.narrow(0, first, count),
                saved.SurrogateArgument?.narrow(0, first, count),
                saved.SpikeBytes?.narrow(0, first, count),
                saved.DecayArgument?.narrow(0, first, count),
                inputGradient.narrow(0, first, count),
                decayGradient);
            ThresholdRecurrence<T>.Backward(dynamics.Charge, decay, block, membraneGradient, dynamics.Threshold, dynamics.Reset, dynamics.DetachReset);
        }

        return (inputGradient, decayGradient);
    }

    private static int RowsPerBlock(int timesteps, int elements, long elementSize) =>
        (int)Math.Clamp(BlockBytes / (elements * elementSize), 1, timesteps);

    /// <summary>
    /// <paramref name="destination"/> = surrogate.Derivative(<paramref name="argument"/>), both contiguous, in
    /// chunks of at most <see cref="DerivativeChunk"/> elements: small enough for libtorch to run each operation
    /// on this thread without waking its thread pool, and for the surrogate's temporaries to stay in cache.
    /// </summary>
    private static void EvaluateDerivative(ISurrogateGradient surrogate, Tensor argument, Tensor destination)
    {
        var arguments = argument.view(-1);
        var destinations = destination.view(-1);
        for (long first = 0; first < arguments.numel(); first += DerivativeChunk)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(DerivativeChunk, arguments.numel() - first);
            var chunk = arguments.narrow(0, first, count);
            var derivative = surrogate.Derivative(chunk);
            if (!derivative.shape.SequenceEqual(chunk.shape))
                throw new InvalidOperationException(
                    $"The '{surrogate.Name}' surrogate returned a derivative shaped [{string.Join(", ", derivative.shape)}] " +
                    $"for an argument shaped [{string.Join(", ", chunk.shape)}].");
            destinations.narrow(0, first, count).copy_(derivative.detach());
        }
    }
}

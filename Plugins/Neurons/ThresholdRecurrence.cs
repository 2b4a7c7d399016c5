using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The fused kernel's element loops for one element type (float or double), over one block of timesteps laid
/// out as <c>[t, N]</c>: N independent neurons per timestep. The loops run directly on the tensors' memory, a
/// SIMD vector of neurons at a time (<see cref="Vector{T}"/>) and the remainder one by one;
/// each worker of <see cref="ElementPartition"/> owns a range of neurons, and the state that links one timestep
/// to the next, V(t) forward or dL/dV(t) backward, lives in an array of N values that the caller carries from
/// one block to the next. See <see cref="FusedThresholdFunction"/> for the recurrences.
/// </summary>
internal static partial class ThresholdRecurrence<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The forward recurrence over the timesteps of <paramref name="block"/>, starting from and updating
    /// <paramref name="membrane"/> (V before the block's first timestep; after its last on return).
    /// </summary>
    public static void Forward(MembraneCharge charge, T[]? decay, ForwardBuffers block, T[] membrane, double threshold, ResetMode reset)
    {
        var theta = T.CreateChecked(threshold);
        var hard = reset == ResetMode.Hard;
        switch (charge)
        {
            case MembraneCharge.Integrate:
                Forward(new IntegrateRule<T>(), block, membrane, theta, hard);
                break;
            case MembraneCharge.LeakByTau leak:
                Forward(new TauLeakRule<T>(T.CreateChecked(leak.Tau)), block, membrane, theta, hard);
                break;
            case MembraneCharge.LeakByDecay:
                Forward(new DecayLeakRule<T>(decay!), block, membrane, theta, hard);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(charge), charge, "Unknown membrane charge.");
        }
    }

    /// <summary>The values of a contiguous CPU tensor (or none), as a span over its memory.</summary>
    public static Span<T> Elements(Tensor? tensor) =>
        tensor is null ? Span<T>.Empty : MemoryMarshal.Cast<byte, T>(tensor.bytes);

    private static void Forward<TCharge>(TCharge charge, ForwardBuffers block, T[] membrane, T threshold, bool hardReset)
        where TCharge : struct, IChargeRule<T>
    {
        var timesteps = (int)block.Inputs.shape[0];
        ElementPartition.Run(membrane.Length, timesteps,
            (start, end) => ForwardRange(charge, block, membrane, threshold, hardReset, start, end));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardRange<TCharge>(TCharge charge, ForwardBuffers block, T[] membrane, T threshold, bool hardReset, int start, int end)
        where TCharge : struct, IChargeRule<T>
    {
        var inputs = Elements(block.Inputs);
        var spikes = Elements(block.Spikes);
        var surrogateArgument = Elements(block.SurrogateArgument);
        var spikeBytes = block.SpikeBytes is null ? Span<byte>.Empty : block.SpikeBytes.bytes;
        var decayArgument = Elements(block.DecayArgument);
        var elements = membrane.Length;
        var width = Vector<T>.Count;
        var vectorEnd = start + (end - start) / width * width;
        var thresholds = new Vector<T>(threshold);
        for (var row = 0; row < inputs.Length; row += elements)
        {
            var n = start;
            for (; n < vectorEnd; n += width)
            {
                var i = row + n;
                var v = new Vector<T>(membrane, n);
                var x = new Vector<T>(inputs[i..]);
                if (!decayArgument.IsEmpty) (x - v).CopyTo(decayArgument[i..]);
                var h = charge.Charge(v, x, n);
                var u = h - thresholds;
                var fires = Vector.GreaterThanOrEqual(u, Vector<T>.Zero);
                var s = Vector.ConditionalSelect(fires, Vector<T>.One, Vector<T>.Zero);
                s.CopyTo(spikes[i..]);
                if (!surrogateArgument.IsEmpty) u.CopyTo(surrogateArgument[i..]);
                if (!spikeBytes.IsEmpty)
                {
                    for (var k = 0; k < width; k++) spikeBytes[i + k] = s[k] == T.Zero ? (byte)0 : (byte)1;
                }
                Vector.ConditionalSelect(fires, hardReset ? Vector<T>.Zero : u, h).CopyTo(membrane, n);
            }

            for (; n < end; n++)
            {
                var i = row + n;
                var v = membrane[n];
                var x = inputs[i];
                if (!decayArgument.IsEmpty) decayArgument[i] = x - v;
                var h = charge.Charge(v, x, n);
                var u = h - threshold;
                var fires = u >= T.Zero;
                spikes[i] = fires ? T.One : T.Zero;
                if (!surrogateArgument.IsEmpty) surrogateArgument[i] = u;
                if (!spikeBytes.IsEmpty) spikeBytes[i] = fires ? (byte)1 : (byte)0;
                // Soft: H − θ·S is H − θ = u when S = 1; hard: H·(1 − S) is 0 when S = 1 (H ≥ θ > 0, so +0).
                membrane[n] = !fires ? h : hardReset ? T.Zero : u;
            }
        }
    }
}

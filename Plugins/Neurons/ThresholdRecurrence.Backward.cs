using System.Numerics;
using System.Runtime.CompilerServices;

namespace Neuromorph.Plugins.Neurons;

/// <summary>The backward half of <see cref="ThresholdRecurrence{T}"/>: BPTT in reverse time.</summary>
internal static partial class ThresholdRecurrence<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The backward recurrence over the timesteps of <paramref name="block"/> in reverse, starting from and
    /// updating <paramref name="membraneGradient"/> (dL/dV at the block's last timestep; at the timestep before
    /// its first on return).
    /// </summary>
    public static void Backward(
        MembraneCharge charge, T[]? decay, BackwardBuffers block, T[] membraneGradient, double threshold, ResetMode reset, bool detachReset)
    {
        var theta = T.CreateChecked(threshold);
        var resetGradient = (reset, detachReset) switch
        {
            (ResetMode.Soft, false) => ResetGradient.Soft,
            (ResetMode.Soft, true) => ResetGradient.SoftDetached,
            (_, false) => ResetGradient.Hard,
            (_, true) => ResetGradient.HardDetached,
        };
        switch (charge)
        {
            case MembraneCharge.Integrate:
                Backward(new IntegrateRule<T>(), block, membraneGradient, theta, resetGradient);
                break;
            case MembraneCharge.LeakByTau leak:
                Backward(new TauLeakRule<T>(T.CreateChecked(leak.Tau)), block, membraneGradient, theta, resetGradient);
                break;
            case MembraneCharge.LeakByDecay:
                Backward(new DecayLeakRule<T>(decay!), block, membraneGradient, theta, resetGradient);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(charge), charge, "Unknown membrane charge.");
        }
    }

    private static void Backward<TCharge>(TCharge charge, BackwardBuffers block, T[] membraneGradient, T threshold, ResetGradient reset)
        where TCharge : struct, IChargeRule<T>
    {
        var timesteps = (int)block.Derivative.shape[0];
        ElementPartition.Run(membraneGradient.Length, timesteps,
            (start, end) => BackwardRange(charge, block, membraneGradient, threshold, reset, start, end));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardRange<TCharge>(
        TCharge charge, BackwardBuffers block, T[] membraneGradient, T threshold, ResetGradient reset, int start, int end)
        where TCharge : struct, IChargeRule<T>
    {
        var spikeGradient = Elements(block.SpikeGradient);
        var derivative = Elements(block.Derivative);
        var surrogateArgument = Elements(block.SurrogateArgument);
        var spikeBytes = block.SpikeBytes is null ? Span<byte>.Empty : block.SpikeBytes.bytes;
        var decayArgument = Elements(block.DecayArgument);
        var inputGradient = Elements(block.InputGradient);
        var decayGradient = Elements(block.DecayGradient);
        var elements = membraneGradient.Length;
        var width = Vector<T>.Count;
        var vectorEnd = start + (end - start) / width * width;
        var thresholds = new Vector<T>(threshold);
        Span<T> notFired = stackalloc T[width];
        for (var row = derivative.Length - elements; row >= 0; row -= elements)
        {
            var n = start;
            for (; n < vectorEnd; n += width)
            {
                var i = row + n;
                var g = new Vector<T>(derivative[i..]);
                Vector<T> resetGain;
                switch (reset)
                {
                    case ResetGradient.Soft:
                        resetGain = Vector<T>.One - thresholds * g;
                        break;
                    case ResetGradient.SoftDetached:
                        resetGain = Vector<T>.One;
                        break;
                    case ResetGradient.HardDetached:
                        for (var k = 0; k < width; k++) notFired[k] = spikeBytes[i + k] != 0 ? T.Zero : T.One;
                        resetGain = new Vector<T>(notFired);
                        break;
                    default:
                        var u = new Vector<T>(surrogateArgument[i..]);
                        resetGain = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(u, Vector<T>.Zero), Vector<T>.Zero, Vector<T>.One)
                                    - (u + thresholds) * g;
                        break;
                }
                var chargeGradient = new Vector<T>(spikeGradient[i..]) * g + new Vector<T>(membraneGradient, n) * resetGain;
                charge.InputGradient(chargeGradient, n).CopyTo(inputGradient[i..]);
                charge.MembraneGradient(chargeGradient, n).CopyTo(membraneGradient, n);
                if (!decayGradient.IsEmpty)
                    (new Vector<T>(decayGradient[n..]) + chargeGradient * new Vector<T>(decayArgument[i..])).CopyTo(decayGradient[n..]);
            }

            for (; n < end; n++)
            {
                var i = row + n;
                var g = derivative[i];
                var resetGain = reset switch
                {
                    ResetGradient.Soft => T.One - threshold * g,
                    ResetGradient.SoftDetached => T.One,
                    ResetGradient.HardDetached => spikeBytes[i] != 0 ? T.Zero : T.One,
                    _ => HardResetGain(surrogateArgument[i], threshold, g),
                };
                var chargeGradient = spikeGradient[i] * g + membraneGradient[n] * resetGain;
                inputGradient[i] = charge.InputGradient(chargeGradient, n);
                membraneGradient[n] = charge.MembraneGradient(chargeGradient, n);
                if (!decayGradient.IsEmpty) decayGradient[n] += chargeGradient * decayArgument[i];
            }
        }
    }

    /// <summary>dV/dH of V = H·(1 − S) with S = Θ(u) differentiated: (1 − S) − H·g, where H = u + θ.</summary>
    private static T HardResetGain(T surrogateArgument, T threshold, T derivative) =>
        (surrogateArgument >= T.Zero ? T.Zero : T.One) - (surrogateArgument + threshold) * derivative;

    /// <summary>dV(t)/dH(t) by reset mode; "detached" means the S in the reset carries no gradient.</summary>
    private enum ResetGradient
    {
        /// <summary>V = H − θ·S: 1 − θ·g.</summary>
        Soft,

        /// <summary>V = H − θ·S with S constant: 1.</summary>
        SoftDetached,

        /// <summary>V = H·(1 − S): (1 − S) − H·g.</summary>
        Hard,

        /// <summary>V = H·(1 − S) with S constant: 1 − S.</summary>
        HardDetached,
    }
}

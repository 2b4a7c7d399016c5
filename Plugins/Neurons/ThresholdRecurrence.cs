using System.Numerics;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The fused kernel's element loops for one element type (float or double), over tensors laid out as
/// <c>[T, N]</c>: N independent neurons per timestep. The loops run directly on the tensors' memory; each
/// worker of <see cref="ElementPartition"/> owns a block of neurons and carries their V(t) (forward) or
/// dL/dV(t) (backward) in a private array across all timesteps. See <see cref="FusedThresholdFunction"/> for
/// the recurrences.
/// </summary>
internal static class ThresholdRecurrence<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Runs the forward recurrence over all timesteps with <paramref name="charge"/>.</summary>
    public static void Forward(MembraneCharge charge, T[]? decay, ForwardBuffers buffers, int timesteps, double threshold, ResetMode reset)
    {
        var theta = T.CreateChecked(threshold);
        var hard = reset == ResetMode.Hard;
        switch (charge)
        {
            case MembraneCharge.Integrate:
                Forward(new IntegrateRule<T>(), buffers, timesteps, theta, hard);
                break;
            case MembraneCharge.LeakByTau leak:
                Forward(new TauLeakRule<T>(T.CreateChecked(leak.Tau)), buffers, timesteps, theta, hard);
                break;
            case MembraneCharge.LeakByDecay:
                Forward(new DecayLeakRule<T>(decay!), buffers, timesteps, theta, hard);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(charge), charge, "Unknown membrane charge.");
        }
    }

    /// <summary>Runs the backward recurrence in reverse time with <paramref name="charge"/>.</summary>
    public static void Backward(MembraneCharge charge, T[]? decay, BackwardBuffers buffers, int timesteps, double threshold, ResetMode reset, bool detachReset)
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
                Backward(new IntegrateRule<T>(), buffers, timesteps, theta, resetGradient);
                break;
            case MembraneCharge.LeakByTau leak:
                Backward(new TauLeakRule<T>(T.CreateChecked(leak.Tau)), buffers, timesteps, theta, resetGradient);
                break;
            case MembraneCharge.LeakByDecay:
                Backward(new DecayLeakRule<T>(decay!), buffers, timesteps, theta, resetGradient);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(charge), charge, "Unknown membrane charge.");
        }
    }

    /// <summary>The values of a contiguous CPU tensor (or none), as a span over its memory.</summary>
    public static Span<T> Elements(Tensor? tensor) =>
        tensor is null ? Span<T>.Empty : MemoryMarshal.Cast<byte, T>(tensor.bytes);

    private static void Forward<TCharge>(TCharge charge, ForwardBuffers buffers, int timesteps, T threshold, bool hardReset)
        where TCharge : struct, IChargeRule<T>
    {
        var elements = (int)(buffers.Inputs.numel() / timesteps);
        ElementPartition.Run(elements, timesteps,
            (start, end) => ForwardBlock(charge, buffers, timesteps, elements, threshold, hardReset, start, end));
    }

    private static void ForwardBlock<TCharge>(
        TCharge charge, ForwardBuffers buffers, int timesteps, int elements, T threshold, bool hardReset, int start, int end)
        where TCharge : struct, IChargeRule<T>
    {
        var inputs = Elements(buffers.Inputs);
        var spikes = Elements(buffers.Spikes);
        var surrogateArgument = Elements(buffers.SurrogateArgument);
        var spikeBytes = buffers.SpikeBytes is null ? Span<byte>.Empty : buffers.SpikeBytes.bytes;
        var decayArgument = Elements(buffers.DecayArgument);
        var membrane = new T[end - start]; // V(−1) = 0
        for (var t = 0; t < timesteps; t++)
        {
            var row = t * elements;
            for (int n = start, j = 0; n < end; n++, j++)
            {
                var i = row + n;
                var v = membrane[j];
                var x = inputs[i];
                if (!decayArgument.IsEmpty) decayArgument[i] = x - v;
                var h = charge.Charge(v, x, n);
                var u = h - threshold;
                var fires = u >= T.Zero;
                spikes[i] = fires ? T.One : T.Zero;
                if (!surrogateArgument.IsEmpty) surrogateArgument[i] = u;
                if (!spikeBytes.IsEmpty) spikeBytes[i] = fires ? (byte)1 : (byte)0;
                // Soft: H − θ·S is H − θ = u when S = 1; hard: H·(1 − S) is 0 when S = 1 (H ≥ θ > 0, so +0).
                membrane[j] = !fires ? h : hardReset ? T.Zero : u;
            }
        }
    }

    private static void Backward<TCharge>(TCharge charge, BackwardBuffers buffers, int timesteps, T threshold, ResetGradient reset)
        where TCharge : struct, IChargeRule<T>
    {
        var elements = (int)(buffers.Derivative.numel() / timesteps);
        ElementPartition.Run(elements, timesteps,
            (start, end) => BackwardBlock(charge, buffers, timesteps, elements, threshold, reset, start, end));
    }

    private static void BackwardBlock<TCharge>(
        TCharge charge, BackwardBuffers buffers, int timesteps, int elements, T threshold, ResetGradient reset, int start, int end)
        where TCharge : struct, IChargeRule<T>
    {
        var spikeGradient = Elements(buffers.SpikeGradient);
        var derivative = Elements(buffers.Derivative);
        var surrogateArgument = Elements(buffers.SurrogateArgument);
        var spikeBytes = buffers.SpikeBytes is null ? Span<byte>.Empty : buffers.SpikeBytes.bytes;
        var decayArgument = Elements(buffers.DecayArgument);
        var inputGradient = Elements(buffers.InputGradient);
        var decayGradient = Elements(buffers.DecayGradient);
        var membraneGradient = new T[end - start]; // dL/dV(T−1) = 0: the last membrane is not an output
        for (var t = timesteps - 1; t >= 0; t--)
        {
            var row = t * elements;
            for (int n = start, j = 0; n < end; n++, j++)
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
                var chargeGradient = spikeGradient[i] * g + membraneGradient[j] * resetGain;
                inputGradient[i] = charge.InputGradient(chargeGradient, n);
                membraneGradient[j] = charge.MembraneGradient(chargeGradient, n);
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

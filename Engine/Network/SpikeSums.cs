using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>Spikes <c>[T, B, ...]</c> summed per timestep over the samples 0, s, 2s, ... (s the sample stride) and their neurons.</summary>
/// <remarks>
/// <para>
/// On the CPU, for float or double spikes in one block of memory (what neuron models return), the sums are taken in
/// managed code on the calling thread, reading the tensor where it lies. libtorch's own sum would split each layer's
/// over its OpenMP threads, and on a machine busy with other work each such parallel operation waits for a thread the
/// scheduler has set aside: on two busy cores, csnn's spikes (batch 128, T = 4, three layers, 77 MB) took a median of
/// about 24 ms that way and 3.4 ms in place (Release build). Elsewhere (a GPU, other element types) libtorch sums, and
/// the sums are read back at once.
/// </para>
/// <para>
/// A sample's neurons at one timestep are summed in vector lanes of the spikes' own type, exact for whole numbers below
/// 2^24 per lane in float; lanes, samples and timesteps are added in double, exact up to 2^53.
/// </para>
/// </remarks>
internal static class SpikeSums
{
    public static double[] PerTimestep(Tensor spikes, int sampleStride)
    {
        var (timesteps, samples) = (spikes.shape[0], spikes.shape[1]);
        var neurons = spikes.numel() / (timesteps * samples);
        var inPlace = spikes.device_type == DeviceType.CPU && spikes.is_contiguous() && spikes.numel() * spikes.element_size() <= int.MaxValue;
        return spikes.dtype switch
        {
            ScalarType.Float32 when inPlace => InPlace(MemoryMarshal.Cast<byte, float>(spikes.bytes), timesteps, samples, neurons, sampleStride),
            ScalarType.Float64 when inPlace => InPlace(MemoryMarshal.Cast<byte, double>(spikes.bytes), timesteps, samples, neurons, sampleStride),
            _ => WithLibTorch(spikes, timesteps, samples, neurons, sampleStride),
        };
    }

    private static double[] InPlace<T>(ReadOnlySpan<T> values, long timesteps, long samples, long neurons, int sampleStride)
        where T : unmanaged, INumberBase<T>
    {
        var sums = new double[timesteps];
        for (var t = 0L; t < timesteps; t++)
            for (var sample = 0L; sample < samples; sample += sampleStride)
                sums[t] += Sum(values.Slice((int)((t * samples + sample) * neurons), (int)neurons));
        return sums;
    }

    private static double Sum<T>(ReadOnlySpan<T> values) where T : unmanaged, INumberBase<T>
    {
        var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
        var lanes = Vector<T>.Zero;
        foreach (var vector in vectors) lanes += vector;
        var sum = 0.0;
        for (var i = 0; i < Vector<T>.Count; i++) sum += double.CreateTruncating(lanes[i]);
        for (var i = vectors.Length * Vector<T>.Count; i < values.Length; i++) sum += double.CreateTruncating(values[i]);
        return sum;
    }

    private static double[] WithLibTorch(Tensor spikes, long timesteps, long samples, long neurons, int sampleStride)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var counted = (samples + sampleStride - 1) / sampleStride;
        // Each sample's neurons stay contiguous in a strided slice, so this reshape is a view.
        var rows = (sampleStride == 1 ? spikes : spikes.slice(1, 0, samples, sampleStride)).reshape(timesteps, counted, neurons);
        if (rows.dtype is ScalarType.Float16 or ScalarType.BFloat16) rows = rows.to(ScalarType.Float32);
        return rows.sum(2).to(ScalarType.Float64).sum(1).cpu().data<double>().ToArray();
    }
}

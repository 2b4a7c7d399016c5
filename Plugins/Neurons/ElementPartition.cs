using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// Splits the elements of one timestep among workers for the fused kernel. Every element's recurrence over
/// time is independent of the others, so each worker runs every timestep of a block for its own contiguous
/// range of elements, and the workers never wait for each other between timesteps. The number of workers
/// follows TorchSharp's intra-op thread count (<c>torch.set_num_threads</c>), like the native kernels around it.
/// </summary>
internal static class ElementPartition
{
    /// <summary>Element-timesteps below which one more worker costs more than it saves.</summary>
    private const long MinimumWorkPerWorker = 1 << 15;

    /// <summary>Range boundaries fall on multiples of 16 elements (a 64-byte cache line of float32).</summary>
    private const int Alignment = 16;

    /// <summary>Calls <paramref name="range"/>(start, end) for ranges that together cover [0, elements), in parallel.</summary>
    public static void Run(int elements, int timesteps, Action<int, int> range)
    {
        var workers = Workers(elements, timesteps);
        if (workers == 1)
        {
            range(0, elements);
            return;
        }

        var perWorker = (elements + workers - 1) / workers;
        perWorker = (perWorker + Alignment - 1) / Alignment * Alignment;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var start = worker * perWorker;
            var end = Math.Min(elements, start + perWorker);
            if (start < end) range(start, end);
        });
    }

    private static int Workers(int elements, int timesteps)
    {
        var byWork = (long)elements * timesteps / MinimumWorkPerWorker;
        var byElements = elements / Alignment;
        return (int)Math.Max(1, Math.Min(get_num_threads(), Math.Min(byWork, byElements)));
    }
}

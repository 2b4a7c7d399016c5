using System.Collections.Concurrent;

namespace Neuromorph.Data;

/// <summary>
/// The loader's <see cref="SampleScratch"/>es: a worker takes one for an epoch and gives it back at the end, so
/// the buffers (grown to the largest sample seen) serve every later epoch.
/// </summary>
internal sealed class SampleScratchPool
{
    private readonly ConcurrentBag<SampleScratch> free = [];

    public SampleScratch Rent() => free.TryTake(out var scratch) ? scratch : new SampleScratch();

    public void Return(SampleScratch scratch) => free.Add(scratch);
}

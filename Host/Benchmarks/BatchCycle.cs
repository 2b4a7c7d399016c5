using Neuromorph.Data;

namespace Neuromorph.Host.Benchmarks;

/// <summary>A loader's batches epoch after epoch, without end: what a benchmark takes its batches from.</summary>
internal sealed class BatchCycle(BatchLoader loader) : IDisposable
{
    private readonly IEnumerator<Batch> batches = Endless(loader).GetEnumerator();

    /// <summary>The next batch (the first of the next epoch after an epoch's last).</summary>
    public Batch Next() =>
        batches.MoveNext() ? batches.Current : throw new InvalidOperationException("The batch loader ended.");

    public void Dispose() => batches.Dispose();

    private static IEnumerable<Batch> Endless(BatchLoader loader)
    {
        for (var epoch = 0; ; epoch++)
            foreach (var batch in loader.Epoch(epoch))
                yield return batch;
    }
}

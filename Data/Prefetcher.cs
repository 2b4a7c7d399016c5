using System.Diagnostics;

namespace Neuromorph.Data;

/// <summary>
/// Runs sequences on background threads a bounded number of items ahead of their consumer, so the consumer
/// never waits on producing work unless the producers fall behind (measured by <see cref="ConsumerWaitTime"/>).
/// Each <c>Run</c> enumeration has its own threads (one per source), started on the first <c>MoveNext</c> and
/// stopped and joined when the enumeration ends, is disposed early, or this prefetcher is disposed. Several
/// sources are read in turn (round robin), so their items come out in a fixed order however fast each thread is.
/// An exception thrown by a producer is rethrown to the consumer in its turn, after the items before it.
/// </summary>
internal sealed class Prefetcher<T> : IDisposable
{
    private readonly int capacity;
    private readonly string threadName;
    private readonly CancellationTokenSource disposal = new();
    private readonly List<ProducerThread<T>> running = [];
    private readonly Lock gate = new();
    private long waitTimestampTicks;
    private bool disposed;

    /// <param name="capacity">How many items may wait in the queue ahead of the consumer.</param>
    /// <param name="threadName">The producer threads' name, for debuggers and dumps.</param>
    public Prefetcher(int capacity, string threadName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.capacity = capacity;
        this.threadName = threadName;
    }

    /// <summary>How long consumers have been blocked waiting for an item, over this prefetcher's life.</summary>
    public TimeSpan ConsumerWaitTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref waitTimestampTicks));

    /// <summary>The number of producer threads currently started and not yet joined.</summary>
    public int RunningProducers
    {
        get
        {
            lock (gate)
                return running.Count(producer => producer.IsAlive);
        }
    }

    /// <summary>Enumerates <paramref name="source"/> (given a stop token) on a background thread.</summary>
    public IEnumerable<T> Run(Func<CancellationToken, IEnumerable<T>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Run([source]);
    }

    /// <summary>
    /// Enumerates each of <paramref name="sources"/> on its own background thread and yields their items
    /// interleaved: the first item of source 0, of source 1, ..., then the second of each, and so on. The sequence
    /// ends when the source whose turn it is has ended, so sources that split one sequence round robin (source i
    /// producing items i, i + n, i + 2n, ...) give back exactly that sequence. The queue capacity is shared: each
    /// source may run ⌈capacity / n⌉ items ahead.
    /// </summary>
    public IEnumerable<T> Run(IReadOnlyList<Func<CancellationToken, IEnumerable<T>>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
            throw new ArgumentException("At least one source is needed.", nameof(sources));
        ObjectDisposedException.ThrowIf(disposed, this);
        return Consume(sources);
    }

    public void Dispose()
    {
        ProducerThread<T>[] producers;
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
            producers = [.. running];
        }
        disposal.Cancel();
        foreach (var producer in producers)
            producer.Stop();
    }

    private IEnumerable<T> Consume(IReadOnlyList<Func<CancellationToken, IEnumerable<T>>> sources)
    {
        var share = (capacity + sources.Count - 1) / sources.Count;
        var producers = sources
            .Select((source, i) => new ProducerThread<T>(
                source, share, sources.Count == 1 ? threadName : $"{threadName} {i + 1}/{sources.Count}", disposal.Token))
            .ToArray();
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            running.AddRange(producers);
            // Started under the lock, so Dispose either sees these producers started or refuses them above.
            foreach (var producer in producers)
                producer.Start();
        }
        try
        {
            for (var turn = 0; ; turn = (turn + 1) % producers.Length)
            {
                var producer = producers[turn];
                if (!TryTake(producer, out var item))
                {
                    producer.RethrowFailure();
                    break;
                }
                yield return item;
            }
        }
        finally
        {
            foreach (var producer in producers)
                producer.Stop();
            lock (gate)
            {
                foreach (var producer in producers)
                    running.Remove(producer);
            }
            foreach (var producer in producers)
                producer.Queue.Dispose();
        }
    }

    private bool TryTake(ProducerThread<T> producer, out T item)
    {
        if (disposal.IsCancellationRequested)
            throw Disposed();
        if (producer.Queue.TryTake(out item!))
            return true;
        var start = Stopwatch.GetTimestamp();
        try
        {
            return producer.Queue.TryTake(out item!, Timeout.Infinite, producer.Token);
        }
        catch (OperationCanceledException) when (disposal.IsCancellationRequested)
        {
            throw Disposed();
        }
        finally
        {
            Interlocked.Add(ref waitTimestampTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    private ObjectDisposedException Disposed() =>
        new(GetType().Name, "The prefetcher was disposed while a sequence was being read.");
}

using System.Diagnostics;

namespace Neuromorph.Engine.Data;

/// <summary>
/// Runs sequences on background threads a bounded number of items ahead of their consumer, so the consumer
/// never waits on producing work unless the producer falls behind (measured by <see cref="ConsumerWaitTime"/>).
/// Each <see cref="Run"/> enumeration has its own thread, started on the first <c>MoveNext</c> and stopped and
/// joined when the enumeration ends, is disposed early, or this prefetcher is disposed. An exception thrown
/// by the producer is rethrown to the consumer after the items produced before it.
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
        ObjectDisposedException.ThrowIf(disposed, this);
        return Consume(source);
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

    private IEnumerable<T> Consume(Func<CancellationToken, IEnumerable<T>> source)
    {
        var producer = new ProducerThread<T>(source, capacity, threadName, disposal.Token);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            running.Add(producer);
            // Started under the lock, so Dispose either sees this producer started or refuses it above.
            producer.Start();
        }
        try
        {
            while (TryTake(producer, out var item))
                yield return item;
            producer.RethrowFailure();
        }
        finally
        {
            producer.Stop();
            lock (gate)
                running.Remove(producer);
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

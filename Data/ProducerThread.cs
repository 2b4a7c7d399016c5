using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Neuromorph.Data;

/// <summary>
/// One background thread that enumerates a source into a bounded queue, blocking when the queue is full.
/// It ends when the source ends, fails (the exception is kept for the consumer) or is stopped.
/// </summary>
internal sealed class ProducerThread<T>
{
    private readonly CancellationTokenSource stopping;
    private readonly Func<CancellationToken, IEnumerable<T>> source;
    private readonly Thread thread;
    private readonly Lock gate = new();
    private volatile Exception? failure;
    private bool stopped;

    public ProducerThread(Func<CancellationToken, IEnumerable<T>> source, int capacity, string name, CancellationToken disposal)
    {
        this.source = source;
        stopping = CancellationTokenSource.CreateLinkedTokenSource(disposal);
        Token = stopping.Token;
        Queue = new BlockingCollection<T>(capacity);
        thread = new Thread(Produce) { IsBackground = true, Name = name };
    }

    /// <summary>The queue the consumer takes from; it completes when the producer ends for any reason.</summary>
    public BlockingCollection<T> Queue { get; }

    /// <summary>Cancelled when the producer is stopped or its owner disposed.</summary>
    public CancellationToken Token { get; }

    public bool IsAlive => thread.IsAlive;

    public void Start() => thread.Start();

    /// <summary>Rethrows, with its original stack trace, the exception that ended the producer, if any.</summary>
    public void RethrowFailure()
    {
        if (failure is { } exception)
            ExceptionDispatchInfo.Throw(exception);
    }

    /// <summary>Cancels the producer and waits for its thread to end. Safe to call more than once, from any thread.</summary>
    public void Stop()
    {
        lock (gate)
        {
            if (stopped)
                return;
            stopped = true;
            stopping.Cancel();
            if (thread.ThreadState != ThreadState.Unstarted)
                thread.Join();
            stopping.Dispose();
        }
    }

    private void Produce()
    {
        try
        {
            foreach (var item in source(Token))
                Queue.Add(item, Token);
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            // Stopped by the consumer or the owner: not a failure.
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            Queue.CompleteAdding();
        }
    }
}

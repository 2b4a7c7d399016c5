using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class PrefetcherTests
{
    private static IEnumerable<int> FailsAfterTwo(CancellationToken token)
    {
        yield return 1;
        yield return 2;
        throw new InvalidOperationException("producer broke");
    }

    private static IEnumerable<int> Slow(CancellationToken token)
    {
        for (var i = 0; i < 3; i++)
        {
            Thread.Sleep(60);
            yield return i;
        }
    }

    [Fact]
    public void Run_ProducerThrows_ItemsBeforeThenTheExceptionReachTheConsumer()
    {
        using var prefetcher = new Prefetcher<int>(4, "test");
        var received = new List<int>();

        var act = () =>
        {
            foreach (var item in prefetcher.Run(FailsAfterTwo))
                received.Add(item);
        };

        act.Should().Throw<InvalidOperationException>().WithMessage("producer broke");
        received.Should().Equal(1, 2);
        prefetcher.RunningProducers.Should().Be(0);
    }

    [Fact]
    public void Run_ProducesOnAnotherThread()
    {
        using var prefetcher = new Prefetcher<int>(1, "test");

        var producerThreads = prefetcher.Run(_ => [Environment.CurrentManagedThreadId]).ToList();

        producerThreads.Should().ContainSingle().Which.Should().NotBe(Environment.CurrentManagedThreadId);
    }

    [Fact]
    public void ConsumerWaitTime_SlowProducer_CountsTheWaiting()
    {
        using var prefetcher = new Prefetcher<int>(4, "test");

        prefetcher.Run(Slow).Should().Equal(0, 1, 2);

        // The consumer cannot get item i before 60 * (i + 1) ms, so it waits at least ~180 ms in total.
        prefetcher.ConsumerWaitTime.Should().BeGreaterThan(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void Run_FullQueue_ProducerStopsAheadByTheCapacity()
    {
        using var prefetcher = new Prefetcher<int>(2, "test");
        var produced = 0;
        IEnumerable<int> Counting(CancellationToken token)
        {
            for (var i = 0; i < 100; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        using var items = prefetcher.Run(Counting).GetEnumerator();
        items.MoveNext().Should().BeTrue();
        Thread.Sleep(200);

        // One taken, two queued, one built and blocked on the full queue.
        Volatile.Read(ref produced).Should().BeLessThanOrEqualTo(4);
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws()
    {
        var act = () => new Prefetcher<int>(0, "test");

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Run_SeveralSources_YieldsTheirItemsRoundRobin()
    {
        using var prefetcher = new Prefetcher<int>(4, "test");
        // Source i yields i, i + 3, i + 6, ... below 10: together, 0..9 split round robin. Source 1 is the slowest.
        var sources = Enumerable.Range(0, 3).Select(start => (Func<CancellationToken, IEnumerable<int>>)(_ => Every(start, 3, 10, slow: start == 1))).ToArray();

        prefetcher.Run(sources).Should().Equal(Enumerable.Range(0, 10));
        prefetcher.RunningProducers.Should().Be(0);
    }

    [Fact]
    public void Run_SeveralSources_OneFails_ItemsBeforeItsTurnThenTheException()
    {
        using var prefetcher = new Prefetcher<int>(2, "test");
        var received = new List<int>();
        Func<CancellationToken, IEnumerable<int>>[] sources = [_ => Every(0, 2, 10, slow: false), FailsAfterTwo];

        var act = () =>
        {
            foreach (var item in prefetcher.Run(sources))
                received.Add(item);
        };

        act.Should().Throw<InvalidOperationException>().WithMessage("producer broke");
        received.Should().Equal(0, 1, 2, 2, 4);
        prefetcher.RunningProducers.Should().Be(0);
    }

    private static IEnumerable<int> Every(int start, int step, int end, bool slow)
    {
        for (var value = start; value < end; value += step)
        {
            if (slow) Thread.Sleep(5);
            yield return value;
        }
    }
}

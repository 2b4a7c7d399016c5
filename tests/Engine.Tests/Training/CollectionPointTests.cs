using System.Runtime;
using Neuromorph.Engine.Training;

namespace Neuromorph.Engine.Tests.Training;

public sealed class CollectionPointTests
{
    [Fact]
    public void Reached_AnotherThreadAllocating_StartsNoCollectionUntilTheNextPoint()
    {
        try
        {
            CollectionPoint.Reached();
            var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();

            // 32 MB of short-lived garbage from another thread: several young-generation budgets' worth.
            var noise = new Thread(() =>
            {
                for (var i = 0; i < 32 * 1024; i++) GC.KeepAlive(new byte[1024]);
            });
            noise.Start();
            noise.Join();

            GCSettings.LatencyMode.Should().Be(GCLatencyMode.NoGCRegion);
            Enumerable.Range(0, 3).Select(GC.CollectionCount).Should().Equal(collections);

            CollectionPoint.Reached();
            GC.CollectionCount(2).Should().BeGreaterThan(collections[2], "each point collects");
        }
        finally
        {
            CollectionPoint.End();
        }

        GCSettings.LatencyMode.Should().NotBe(GCLatencyMode.NoGCRegion);
    }

    [Fact]
    public void Reached_AfterTheBudgetWasUsedUpOrACollectionEndedTheRegion_StartsANewOne()
    {
        try
        {
            CollectionPoint.Reached();
            for (var i = 0L; i < (CollectionPoint.AllocationBudget >> 20) + 16; i++) GC.KeepAlive(new byte[1 << 20]);
            CollectionPoint.Reached();
            GCSettings.LatencyMode.Should().Be(GCLatencyMode.NoGCRegion);

            GC.Collect();
            CollectionPoint.Reached();
            GCSettings.LatencyMode.Should().Be(GCLatencyMode.NoGCRegion);
        }
        finally
        {
            CollectionPoint.End();
        }

        CollectionPoint.End(); // a second end is harmless
    }
}

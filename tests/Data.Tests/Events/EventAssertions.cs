using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

/// <summary>An event stream as a list of tuples, for comparisons.</summary>
internal static class EventAssertions
{
    public static (int X, int Y, bool On, long Timestamp)[] Tuples(this EventStream events) =>
        Enumerable.Range(0, events.Count).Select(i => ((int)events.X[i], (int)events.Y[i], events.On[i], events.Timestamps[i])).ToArray();
}

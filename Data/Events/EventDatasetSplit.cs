namespace Neuromorph.Data.Events;

/// <summary>The two splits of an event dataset.</summary>
internal enum EventDatasetSplit
{
    Train,
    Test,
}

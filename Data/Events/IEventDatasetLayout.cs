namespace Neuromorph.Data.Events;

/// <summary>How an event dataset's files are arranged in its folder, and which recordings make each split.</summary>
internal interface IEventDatasetLayout
{
    /// <summary>What the dataset's folder holds, for messages (<c>Train/&lt;digit&gt;/&lt;id&gt;.bin and ...</c>).</summary>
    string Contents { get; }

    /// <summary>Whether the split depends on <c>data.events.split_seed</c> (a seeded split rather than an official one).</summary>
    bool UsesSplitSeed { get; }

    /// <summary>The recordings of <paramref name="split"/> in <paramref name="folder"/>, in the order their samples are stored.</summary>
    /// <exception cref="DataException">The folder does not hold the dataset, or a listing file is corrupt.</exception>
    IReadOnlyList<EventRecording> List(string folder, EventDatasetSplit split, long splitSeed);
}

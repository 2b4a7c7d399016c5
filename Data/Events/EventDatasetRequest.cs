namespace Neuromorph.Data.Events;

/// <summary>What to load: an event dataset from a folder, as frames made with the given settings.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Source">The dataset's folder (full path); it may be gone once both splits are cached.</param>
/// <param name="Frames">T, the split mode and the frame size.</param>
/// <param name="SplitSeed">The seed of a seeded split (CIFAR10-DVS); ignored by datasets with a fixed split.</param>
/// <param name="CacheDirectory">Where the frame caches are kept.</param>
/// <param name="TrainLimit">Keep only the first this many training samples; 0 keeps all.</param>
/// <param name="TestLimit">Keep only the first this many test samples; 0 keeps all.</param>
internal sealed record EventDatasetRequest(
    EventDatasetDescriptor Dataset,
    string Source,
    FrameSettings Frames,
    long SplitSeed,
    string CacheDirectory,
    int TrainLimit = 0,
    int TestLimit = 0);

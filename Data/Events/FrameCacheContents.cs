namespace Neuromorph.Data.Events;

/// <summary>Samples read from a frame cache: the first <c>Labels.Length</c> of its <paramref name="StoredCount"/>.</summary>
/// <param name="Labels">One class index per sample read.</param>
/// <param name="Frames">Their frames, <c>Labels.Length × T × 2 × H × W</c> bytes.</param>
/// <param name="StoredCount">How many samples the file holds.</param>
internal sealed record FrameCacheContents(byte[] Labels, byte[] Frames, int StoredCount);

namespace Neuromorph.Engine.Data;

/// <summary>
/// One mini-batch: <see cref="Inputs"/> is <c>[Size, Channels, Height, Width]</c> row-major with pixels
/// scaled to [0, 1] (pixel / 255; normalisation happens inside the model), <see cref="Labels"/> is
/// <c>[Size]</c>. <see cref="Indices"/> are the samples' positions in the dataset.
/// </summary>
internal sealed record Batch(
    int Epoch,
    int Index,
    int Size,
    int Channels,
    int Height,
    int Width,
    float[] Inputs,
    long[] Labels,
    int[] Indices)
{
    /// <summary>The input shape, ready for a tensor: <c>[Size, Channels, Height, Width]</c>.</summary>
    public long[] Shape => [Size, Channels, Height, Width];
}

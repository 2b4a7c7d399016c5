namespace Neuromorph.Data;

/// <summary>The contents of an IDX image file: <paramref name="Count"/> images of rows × columns bytes.</summary>
internal sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);

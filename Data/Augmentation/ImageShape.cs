namespace Neuromorph.Data.Augmentation;

/// <summary>The shape of one planar byte image: <see cref="Channels"/> planes of <see cref="Height"/> × <see cref="Width"/>, row-major.</summary>
internal readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>H × W, the bytes of one channel.</summary>
    public int Plane => Height * Width;

    /// <summary>C × H × W, the bytes of the image.</summary>
    public int Size => Channels * Plane;

    /// <summary>Throws unless <paramref name="image"/> holds exactly <see cref="Size"/> bytes.</summary>
    public void Check(ReadOnlySpan<byte> image)
    {
        if (Channels <= 0 || Height <= 0 || Width <= 0 || image.Length != Size)
            throw new ArgumentException(
                $"An image of {Channels}x{Height}x{Width} needs {Size} bytes, but {image.Length} were given.", nameof(image));
    }
}

namespace Neuromorph.Data.Augmentation;

/// <summary>
/// Cutout (DeVries and Taylor, "Improved Regularization of Convolutional Neural Networks with Cutout", 2017):
/// zeroes a square of the given side in every channel. The square's rows are
/// <c>[centreY − side/2, centreY − side/2 + side)</c> (integer division), likewise its columns, clipped at the
/// image's borders, so a centre near an edge zeroes only the part inside.
/// </summary>
internal static class Cutout
{
    public static void Apply(Span<byte> image, ImageShape shape, int centreY, int centreX, int side)
    {
        shape.Check(image);
        ArgumentOutOfRangeException.ThrowIfNegative(side);
        var top = Math.Max(0, centreY - (side / 2));
        var bottom = Math.Min(shape.Height, centreY - (side / 2) + side);
        var left = Math.Max(0, centreX - (side / 2));
        var right = Math.Min(shape.Width, centreX - (side / 2) + side);
        if (bottom <= top || right <= left)
            return;
        for (var c = 0; c < shape.Channels; c++)
            for (var y = top; y < bottom; y++)
                image.Slice((c * shape.Plane) + (y * shape.Width) + left, right - left).Clear();
    }
}

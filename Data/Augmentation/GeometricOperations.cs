namespace Neuromorph.Data.Augmentation;

/// <summary>
/// Geometric operations on planar byte images: integer shifts (random crop of a padded image), horizontal flips,
/// and the affine maps of AutoAugment (shear, translation, rotation). The affine maps follow PIL's
/// <c>Image.transform(AFFINE)</c> with nearest-neighbour sampling, as the AutoAugment policies were searched with:
/// output pixel (x, y) takes the input pixel at <c>(⌊a·X + b·Y + c⌋, ⌊d·X + e·Y + f⌋)</c> where X = x + ½ and Y = y + ½
/// are the pixel's centre, or <c>fill</c> when that lies outside the image.
/// </summary>
internal static class GeometricOperations
{
    /// <summary>
    /// Moves the content: output (x, y) = input (x + <paramref name="dx"/>, y + <paramref name="dy"/>), and
    /// <paramref name="fill"/> where that is outside. A random crop of an image zero-padded by p on every side
    /// with the crop's corner at (ox, oy) ∈ [0, 2p]² is the shift dx = ox − p, dy = oy − p with fill 0.
    /// </summary>
    public static void Shift(Span<byte> image, ImageShape shape, int dx, int dy, byte fill)
    {
        shape.Check(image);
        if (dx == 0 && dy == 0)
            return;
        var (h, w) = (shape.Height, shape.Width);
        for (var c = 0; c < shape.Channels; c++)
        {
            var plane = image.Slice(c * shape.Plane, shape.Plane);
            // Rows are visited so that each source row is read before it is overwritten.
            for (var step = 0; step < h; step++)
            {
                var y = dy > 0 ? step : h - 1 - step;
                var row = plane.Slice(y * w, w);
                var sourceY = y + dy;
                if (sourceY < 0 || sourceY >= h)
                {
                    row.Fill(fill);
                    continue;
                }
                var source = plane.Slice(sourceY * w, w);
                var from = Math.Max(0, -dx);
                var to = Math.Min(w, w - dx);
                if (to <= from)
                {
                    row.Fill(fill);
                    continue;
                }
                // Span.CopyTo handles overlap within one row (sourceY == y).
                source.Slice(from + dx, to - from).CopyTo(row.Slice(from, to - from));
                row[..from].Fill(fill);
                row[to..].Fill(fill);
            }
        }
    }

    /// <summary>Mirrors the image left to right.</summary>
    public static void FlipHorizontal(Span<byte> image, ImageShape shape)
    {
        shape.Check(image);
        for (var row = 0; row < shape.Channels * shape.Height; row++)
            image.Slice(row * shape.Width, shape.Width).Reverse();
    }

    /// <summary>
    /// Applies the affine map (a, b, c, d, e, f) from output to input coordinates (see the type's summary) with
    /// nearest-neighbour sampling. <paramref name="spare"/> (at least the image's size) receives the output first.
    /// </summary>
    public static void Affine(
        Span<byte> image, ImageShape shape, double a, double b, double c, double d, double e, double f, byte fill, Span<byte> spare)
    {
        shape.Check(image);
        var output = spare[..shape.Size];
        var (h, w) = (shape.Height, shape.Width);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (centreX, centreY) = (x + 0.5, y + 0.5);
                var sourceX = Math.Floor((a * centreX) + (b * centreY) + c);
                var sourceY = Math.Floor((d * centreX) + (e * centreY) + f);
                var inside = sourceX >= 0 && sourceX < w && sourceY >= 0 && sourceY < h;
                var source = inside ? ((int)sourceY * w) + (int)sourceX : -1;
                for (var channel = 0; channel < shape.Channels; channel++)
                {
                    var offset = channel * shape.Plane;
                    output[offset + (y * w) + x] = inside ? image[offset + source] : fill;
                }
            }
        }
        output.CopyTo(image);
    }

    /// <summary>PIL's <c>shear X</c>: input x = X + <paramref name="shear"/> · Y (the top row stays, lower rows slide).</summary>
    public static void ShearX(Span<byte> image, ImageShape shape, double shear, byte fill, Span<byte> spare) =>
        Affine(image, shape, 1, shear, 0, 0, 1, 0, fill, spare);

    /// <summary>PIL's <c>shear Y</c>: input y = <paramref name="shear"/> · X + Y.</summary>
    public static void ShearY(Span<byte> image, ImageShape shape, double shear, byte fill, Span<byte> spare) =>
        Affine(image, shape, 1, 0, 0, shear, 1, 0, fill, spare);

    /// <summary>Input x = X + <paramref name="pixels"/>: positive values move the content left.</summary>
    public static void TranslateX(Span<byte> image, ImageShape shape, double pixels, byte fill, Span<byte> spare) =>
        Affine(image, shape, 1, 0, pixels, 0, 1, 0, fill, spare);

    /// <summary>Input y = Y + <paramref name="pixels"/>: positive values move the content up.</summary>
    public static void TranslateY(Span<byte> image, ImageShape shape, double pixels, byte fill, Span<byte> spare) =>
        Affine(image, shape, 1, 0, 0, 0, 1, pixels, fill, spare);

    /// <summary>
    /// PIL's <c>Image.rotate(degrees)</c>: counter-clockwise by <paramref name="degrees"/> about the image centre
    /// (W/2, H/2), same size, with cos θ and sin θ rounded to 15 decimals as PIL rounds them:
    /// input = (cos θ·(X − W/2) − sin θ·(Y − H/2) + W/2, sin θ·(X − W/2) + cos θ·(Y − H/2) + H/2).
    /// </summary>
    public static void Rotate(Span<byte> image, ImageShape shape, double degrees, byte fill, Span<byte> spare)
    {
        var radians = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Round(Math.Cos(radians), 15), Math.Round(Math.Sin(radians), 15));
        var (centreX, centreY) = (shape.Width / 2.0, shape.Height / 2.0);
        Affine(
            image, shape,
            cos, -sin, centreX - (cos * centreX) + (sin * centreY),
            sin, cos, centreY - (sin * centreX) - (cos * centreY),
            fill, spare);
    }
}

namespace Neuromorph.Data.Augmentation;

/// <summary>
/// The photometric operations of AutoAugment on planar byte images, defined as PIL (Pillow) defines them, which
/// the AutoAugment policies were searched with (Cubuk et al., "AutoAugment: Learning Augmentation Policies from
/// Data", CVPR 2019, Table 1): <c>ImageOps.invert</c>, <c>solarize</c>, <c>posterize</c>, <c>autocontrast</c>,
/// <c>equalize</c> and <c>ImageEnhance.Brightness</c>, <c>Color</c>, <c>Contrast</c>, <c>Sharpness</c>. The
/// enhancements blend the image with a "degenerate" version: <c>out = degenerate + factor · (image − degenerate)</c>,
/// computed in single precision, truncated toward zero and clipped to [0, 255] (PIL's <c>Image.blend</c>); factor 1
/// is the identity, 0 the degenerate image. Grey levels are PIL's luma, <c>L = (19595 R + 38470 G + 7471 B + 2^15) >> 16</c>;
/// a one-channel image is its own grey level.
/// </summary>
internal static class PixelOperations
{
    /// <summary>Every value v becomes 255 − v.</summary>
    public static void Invert(Span<byte> image)
    {
        foreach (ref var value in image)
            value = (byte)(255 - value);
    }

    /// <summary>Every value at or above <paramref name="threshold"/> becomes 255 − v; the others stay.</summary>
    public static void Solarize(Span<byte> image, double threshold)
    {
        foreach (ref var value in image)
            if (value >= threshold) value = (byte)(255 - value);
    }

    /// <summary>Keeps the <paramref name="bits"/> most significant bits of every value (1 to 8), zeroing the others.</summary>
    public static void Posterize(Span<byte> image, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 8);
        var mask = (byte)(0xFF << (8 - bits));
        foreach (ref var value in image)
            value &= mask;
    }

    /// <summary>
    /// Stretches each channel so that its darkest value becomes 0 and its brightest 255:
    /// <c>v' = ⌊(v − lo) · 255 / (hi − lo)⌋</c>; a channel of a single value is left alone.
    /// </summary>
    public static void AutoContrast(Span<byte> image, ImageShape shape)
    {
        shape.Check(image);
        for (var c = 0; c < shape.Channels; c++)
        {
            var plane = image.Slice(c * shape.Plane, shape.Plane);
            byte low = 255, high = 0;
            foreach (var value in plane)
            {
                if (value < low) low = value;
                if (value > high) high = value;
            }
            if (high <= low)
                continue;
            var range = high - low;
            foreach (ref var value in plane)
                value = (byte)((value - low) * 255 / range);
        }
    }

    /// <summary>
    /// Equalises each channel's histogram as PIL does: with h the channel's histogram and <c>step = (N − h[last]) / 255</c>
    /// (integer division; N the pixel count, h[last] the count of the brightest value present), value i maps to
    /// <c>(step / 2 + Σ_{j &lt; i} h[j]) / step</c>, clipped to 255. A channel of one value, or with step 0, is left alone.
    /// </summary>
    public static void Equalize(Span<byte> image, ImageShape shape)
    {
        shape.Check(image);
        Span<int> histogram = stackalloc int[256];
        Span<byte> table = stackalloc byte[256];
        for (var c = 0; c < shape.Channels; c++)
        {
            var plane = image.Slice(c * shape.Plane, shape.Plane);
            histogram.Clear();
            foreach (var value in plane)
                histogram[value]++;
            var last = 255;
            while (histogram[last] == 0) last--;
            var step = (plane.Length - histogram[last]) / 255;
            if (step == 0)
                continue;
            var running = step / 2;
            for (var i = 0; i < 256; i++)
            {
                table[i] = (byte)Math.Min(255, running / step);
                running += histogram[i];
            }
            foreach (ref var value in plane)
                value = table[value];
        }
    }

    /// <summary>Blends with black: <c>v' = clip(trunc(factor · v))</c>.</summary>
    public static void Brightness(Span<byte> image, double factor)
    {
        foreach (ref var value in image)
            value = Blend(0, value, (float)factor);
    }

    /// <summary>
    /// Blends with a uniform grey image at the mean grey level (PIL: the mean of L, rounded half up), per channel.
    /// </summary>
    public static void Contrast(Span<byte> image, ImageShape shape, double factor)
    {
        shape.Check(image);
        long sum = 0;
        for (var p = 0; p < shape.Plane; p++)
            sum += Grey(image, shape, p);
        var mean = (byte)((sum + (shape.Plane / 2)) / shape.Plane);
        foreach (ref var value in image)
            value = Blend(mean, value, (float)factor);
    }

    /// <summary>Blends each pixel with its own grey level (saturation); a one-channel image is unchanged.</summary>
    public static void Color(Span<byte> image, ImageShape shape, double factor)
    {
        shape.Check(image);
        if (shape.Channels == 1)
            return;
        for (var p = 0; p < shape.Plane; p++)
        {
            var grey = Grey(image, shape, p);
            for (var c = 0; c < shape.Channels; c++)
            {
                ref var value = ref image[(c * shape.Plane) + p];
                value = Blend(grey, value, (float)factor);
            }
        }
    }

    /// <summary>
    /// Blends with the image smoothed by PIL's SMOOTH filter (3×3 kernel [1 1 1; 1 5 1; 1 1 1] / 13, rounded to nearest)
    /// inside the border; border pixels are their own degenerate, so they do not change. <paramref name="spare"/> holds
    /// the smoothed image (at least the image's size).
    /// </summary>
    public static void Sharpness(Span<byte> image, ImageShape shape, double factor, Span<byte> spare)
    {
        shape.Check(image);
        if (shape.Height < 3 || shape.Width < 3)
            return;
        var smooth = spare[..shape.Size];
        image.CopyTo(smooth);
        var w = shape.Width;
        for (var c = 0; c < shape.Channels; c++)
        {
            var plane = image.Slice(c * shape.Plane, shape.Plane);
            var target = smooth.Slice(c * shape.Plane, shape.Plane);
            for (var y = 1; y < shape.Height - 1; y++)
            {
                for (var x = 1; x < w - 1; x++)
                {
                    var centre = (y * w) + x;
                    var sum = plane[centre - w - 1] + plane[centre - w] + plane[centre - w + 1]
                        + plane[centre - 1] + (5 * plane[centre]) + plane[centre + 1]
                        + plane[centre + w - 1] + plane[centre + w] + plane[centre + w + 1];
                    target[centre] = (byte)((sum + 6) / 13);
                }
            }
        }
        for (var i = 0; i < image.Length; i++)
            image[i] = Blend(smooth[i], image[i], (float)factor);
    }

    /// <summary><c>clip(trunc(degenerate + factor · (value − degenerate)))</c> in single precision, as PIL's blend.</summary>
    public static byte Blend(byte degenerate, byte value, float factor)
    {
        var blended = degenerate + (factor * (value - degenerate));
        return blended <= 0f ? (byte)0 : blended >= 255f ? (byte)255 : (byte)blended;
    }

    /// <summary>PIL's grey level (L) of pixel <paramref name="pixel"/>: the luma of R, G, B, or the value of a one-channel image.</summary>
    public static byte Grey(ReadOnlySpan<byte> image, ImageShape shape, int pixel)
    {
        if (shape.Channels < 3)
            return image[pixel];
        var (r, g, b) = (image[pixel], image[shape.Plane + pixel], image[(2 * shape.Plane) + pixel]);
        return (byte)(((r * 19595) + (g * 38470) + (b * 7471) + 0x8000) >> 16);
    }
}

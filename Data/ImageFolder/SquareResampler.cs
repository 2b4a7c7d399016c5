namespace Neuromorph.Data.ImageFolder;

/// <summary>
/// Turns a decoded interleaved image (<c>H × W × C</c>, as decoders give it) into a planar square of a fixed side
/// (<c>C × S × S</c>, the engine's layout): it takes the centred square of side min(W, H) (the longer side's excess
/// split evenly, the odd pixel going to the far side) and resamples it to S × S with a triangle (bilinear) filter
/// widened by the scale when shrinking, so every source pixel contributes (as Pillow's antialiased bilinear
/// resize): output index i has centre (i + ½)·s in source coordinates, s = min(W, H) / S, and source pixel j weighs
/// <c>max(0, 1 − |j + ½ − centre| / max(s, 1))</c>, normalised to sum 1 over j ∈ [⌊centre − max(s, 1) + ½⌋,
/// ⌊centre + max(s, 1) + ½⌋) within the square. Rows are filtered first, then columns; results are rounded to the
/// nearest integer. A square already of side S is copied unchanged.
/// </summary>
internal static class SquareResampler
{
    /// <param name="source">The decoded image, <paramref name="height"/> × <paramref name="width"/> × <paramref name="channels"/> bytes.</param>
    /// <param name="output">The result, <paramref name="channels"/> × <paramref name="side"/> × <paramref name="side"/> bytes.</param>
    /// <param name="scratch">Working memory (filter weights and intermediate rows).</param>
    public static void CropAndResize(
        ReadOnlySpan<byte> source, int width, int height, int channels, int side, Span<byte> output, SampleScratch scratch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side);
        if (source.Length != (long)width * height * channels || output.Length != channels * side * side)
            throw new ArgumentException(
                $"A {width}x{height}x{channels} image resized to {channels}x{side}x{side} needs {(long)width * height * channels} "
                + $"source and {channels * side * side} output bytes; got {source.Length} and {output.Length}.");
        var crop = Math.Min(width, height);
        var (left, top) = ((width - crop) / 2, (height - crop) / 2);
        var plane = side * side;
        if (crop == side)
        {
            for (var y = 0; y < side; y++)
                for (var x = 0; x < side; x++)
                    for (var c = 0; c < channels; c++)
                        output[(c * plane) + (y * side) + x] = source[((((top + y) * width) + left + x) * channels) + c];
            return;
        }

        var taps = Taps(crop, side);
        var weights = scratch.Weights(side * taps);
        var offsets = scratch.Starts(2 * side);
        var starts = offsets[..side];
        var counts = offsets[side..];
        Filter(crop, side, taps, weights, starts, counts);

        // Rows: the crop's rows, filtered horizontally to side columns, kept as floats [crop][side][channels].
        var rows = scratch.Rows(crop * side * channels);
        for (var y = 0; y < crop; y++)
        {
            var sourceRow = source.Slice((((top + y) * width) + left) * channels, crop * channels);
            for (var x = 0; x < side; x++)
            {
                var kernel = weights.Slice(x * taps, counts[x]);
                for (var c = 0; c < channels; c++)
                {
                    var sum = 0f;
                    for (var k = 0; k < kernel.Length; k++)
                        sum += kernel[k] * sourceRow[((starts[x] + k) * channels) + c];
                    rows[(((y * side) + x) * channels) + c] = sum;
                }
            }
        }
        // Columns: each output row from the filtered rows.
        for (var y = 0; y < side; y++)
        {
            var kernel = weights.Slice(y * taps, counts[y]);
            for (var x = 0; x < side; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var sum = 0f;
                    for (var k = 0; k < kernel.Length; k++)
                        sum += kernel[k] * rows[((((starts[y] + k) * side) + x) * channels) + c];
                    output[(c * plane) + (y * side) + x] = (byte)Math.Clamp((int)MathF.Round(sum, MidpointRounding.AwayFromZero), 0, 255);
                }
            }
        }
    }

    /// <summary>The most source pixels one output pixel reads when <paramref name="length"/> becomes <paramref name="side"/>.</summary>
    private static int Taps(int length, int side)
    {
        var support = Math.Max((double)length / side, 1.0);
        return Math.Min(length, (int)Math.Ceiling(support) * 2 + 1);
    }

    /// <summary>The normalised triangle-filter weights of each output index (see the type's summary).</summary>
    private static void Filter(int length, int side, int taps, Span<float> weights, Span<int> starts, Span<int> counts)
    {
        var scale = (double)length / side;
        var support = Math.Max(scale, 1.0);
        for (var i = 0; i < side; i++)
        {
            var centre = (i + 0.5) * scale;
            var first = Math.Max(0, (int)Math.Floor(centre - support + 0.5));
            var end = Math.Min(length, (int)Math.Floor(centre + support + 0.5));
            var count = Math.Min(taps, end - first);
            var kernel = weights.Slice(i * taps, taps);
            var total = 0.0;
            for (var k = 0; k < count; k++)
            {
                var weight = Math.Max(0.0, 1.0 - (Math.Abs(first + k + 0.5 - centre) / support));
                kernel[k] = (float)weight;
                total += weight;
            }
            for (var k = 0; k < count; k++)
                kernel[k] = (float)(kernel[k] / total);
            starts[i] = first;
            counts[i] = count;
        }
    }
}

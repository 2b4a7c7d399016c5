namespace Neuromorph.Data.Events;

/// <summary>
/// Simulates an event camera looking at a still image while it makes the saccades of <see cref="SaccadeMotion"/>,
/// the way N-MNIST was recorded from MNIST. The image, padded with black to the sensor size, is rendered at the
/// camera's displacement every <see cref="SaccadeSettings.StepMicroseconds"/> with bilinear interpolation (black
/// outside the image). Each pixel keeps the log intensity ln(I + ε) at its last event (at first, at time 0); when
/// the current value differs from it by at least the pixel's threshold, the pixel emits an ON (rise) or OFF (fall)
/// event stamped with the current time and its reference is reset to the current value (so a pixel emits at most
/// one event per step). Events come out in time order, and within a step in row-major pixel order. Nothing is
/// random but the per-pixel threshold mismatch, drawn from a <see cref="SplitMix64"/> seeded per sample.
/// </summary>
internal static class SaccadeCamera
{
    /// <summary>The events of the grey image <paramref name="intensity"/> (<paramref name="height"/> × <paramref name="width"/>, values in [0, 1]).</summary>
    public static EventStream Record(ReadOnlySpan<float> intensity, int height, int width, SaccadeSettings settings, ulong sampleSeed)
    {
        if (intensity.Length != height * width)
            throw new ArgumentException($"A {height}x{width} image has {height * width} pixels, but {intensity.Length} were given.", nameof(intensity));
        var sensorWidth = width + 2 * settings.Padding;
        var sensorHeight = height + 2 * settings.Padding;
        var pixels = sensorWidth * sensorHeight;
        var random = new SplitMix64(sampleSeed);
        var thresholds = new double[pixels];
        for (var p = 0; p < pixels; p++)
            thresholds[p] = settings.Threshold * (1 + settings.ThresholdMismatch * (2 * Uniform(ref random) - 1));

        var motion = new SaccadeMotion(settings.Amplitude, settings.SaccadeMicroseconds);
        var image = new Image(intensity.ToArray(), height, width, settings.Padding);
        var reference = new double[pixels];
        image.RenderLog(motion.Displacement(0), reference, sensorWidth, sensorHeight);
        var current = new double[pixels];
        var events = new EventStreamBuilder(sensorWidth, sensorHeight);
        for (long time = settings.StepMicroseconds; time <= motion.Duration; time += settings.StepMicroseconds)
        {
            image.RenderLog(motion.Displacement(time), current, sensorWidth, sensorHeight);
            for (var p = 0; p < pixels; p++)
            {
                var change = current[p] - reference[p];
                if (Math.Abs(change) < thresholds[p])
                    continue;
                events.Add(p % sensorWidth, p / sensorWidth, change > 0, time);
                reference[p] = current[p];
            }
        }
        return events.Build();
    }

    /// <summary>
    /// Planar image bytes (<paramref name="channels"/> × <paramref name="height"/> × <paramref name="width"/>) as grey
    /// intensities in [0, 1] (Rec. 601 luma for RGB, else the channel mean).
    /// </summary>
    public static float[] Grey(ReadOnlySpan<byte> pixels, int channels, int height, int width)
    {
        var plane = height * width;
        if (pixels.Length != channels * plane)
            throw new ArgumentException($"A {channels}x{height}x{width} image has {channels * plane} bytes, but {pixels.Length} were given.", nameof(pixels));
        float[] weights = channels == 3 ? [0.299f, 0.587f, 0.114f] : Enumerable.Repeat(1f / channels, channels).ToArray();
        var grey = new float[plane];
        for (var c = 0; c < channels; c++)
        {
            for (var p = 0; p < plane; p++)
                grey[p] += weights[c] * pixels[c * plane + p] / 255f;
        }
        return grey;
    }

    /// <summary>A uniform draw in [0, 1) from the top 53 bits.</summary>
    private static double Uniform(ref SplitMix64 random) => (random.Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>The image on the sensor: bilinear samples of the padded image at a displacement, as log intensities.</summary>
    private sealed class Image(float[] intensity, int height, int width, int padding)
    {
        public void RenderLog((double X, double Y) displacement, double[] target, int sensorWidth, int sensorHeight)
        {
            for (var y = 0; y < sensorHeight; y++)
            {
                var v = y - padding - displacement.Y;
                var row = (int)Math.Floor(v);
                var fy = v - row;
                for (var x = 0; x < sensorWidth; x++)
                {
                    var u = x - padding - displacement.X;
                    var column = (int)Math.Floor(u);
                    var fx = u - column;
                    var value = (1 - fy) * ((1 - fx) * At(row, column) + fx * At(row, column + 1))
                        + fy * ((1 - fx) * At(row + 1, column) + fx * At(row + 1, column + 1));
                    target[y * sensorWidth + x] = Math.Log(value + SaccadeSettings.LogOffset);
                }
            }
        }

        private double At(int row, int column) =>
            row >= 0 && row < height && column >= 0 && column < width ? intensity[row * width + column] : 0;
    }
}

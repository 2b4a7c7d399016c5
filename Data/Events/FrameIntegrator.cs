namespace Neuromorph.Data.Events;

/// <summary>
/// Integrates an event stream into T frames <c>[T, 2, H, W]</c>: each frame counts, per pixel and polarity
/// (channel 0 OFF, channel 1 ON), the events that fall into it (see <see cref="FrameSplit"/>), saturating at 255.
/// Sensor coordinates are mapped to the frame size by x' = ⌊x·W/SensorWidth⌋, y' = ⌊y·H/SensorHeight⌋, so a
/// smaller frame sums blocks of sensor pixels.
/// </summary>
internal static class FrameIntegrator
{
    /// <summary>Fills <paramref name="frames"/> (T × 2 × H × W bytes, cleared first) with the frames of <paramref name="events"/>.</summary>
    public static void Integrate(EventStream events, FrameSettings settings, Span<byte> frames)
    {
        if (frames.Length != settings.SampleSize)
            throw new ArgumentException(
                $"Frames of {settings} need {settings.SampleSize} bytes, but {frames.Length} were given.", nameof(frames));
        if (settings.Width > events.SensorWidth || settings.Height > events.SensorHeight)
            throw new ArgumentException(
                $"Frames of {settings.Width}x{settings.Height} are larger than the {events.SensorWidth}x{events.SensorHeight} sensor.", nameof(settings));
        frames.Clear();
        var frameOf = FrameIndexer(events, settings);
        var planeSize = settings.Height * settings.Width;
        for (var i = 0; i < events.Count; i++)
        {
            var x = events.X[i] * settings.Width / events.SensorWidth;
            var y = events.Y[i] * settings.Height / events.SensorHeight;
            var channel = events.On[i] ? 1 : 0;
            var index = ((frameOf(i) * FrameSettings.Channels) + channel) * planeSize + y * settings.Width + x;
            if (frames[index] < byte.MaxValue)
                frames[index]++;
        }
    }

    /// <summary>The frame of event i under the settings' split.</summary>
    private static Func<int, int> FrameIndexer(EventStream events, FrameSettings settings)
    {
        var last = settings.Timesteps - 1;
        if (settings.Split == FrameSplit.Number)
        {
            var perFrame = events.Count / settings.Timesteps;
            // Fewer events than frames: SpikingJelly gives every frame an empty range but the last, which takes all.
            return perFrame == 0 ? _ => last : i => Math.Min(i / perFrame, last);
        }
        if (events.Count == 0)
            return _ => last;
        var start = events.Timestamps.Min();
        var duration = (events.Timestamps.Max() - start) / settings.Timesteps;
        // A stream shorter than T microseconds has no room for T frames: all events go to the last, as with counts.
        return duration == 0 ? _ => last : i => (int)Math.Min((events.Timestamps[i] - start) / duration, last);
    }
}

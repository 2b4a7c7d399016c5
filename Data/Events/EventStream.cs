namespace Neuromorph.Data.Events;

/// <summary>
/// The events of one recording or sample, as parallel arrays: event i is at pixel (<see cref="X"/>[i],
/// <see cref="Y"/>[i]) of a <see cref="SensorWidth"/> × <see cref="SensorHeight"/> sensor, with polarity
/// <see cref="On"/>[i] (true: brightness rose, false: it fell) at <see cref="Timestamps"/>[i] microseconds,
/// in the order the file holds them. Every coordinate is inside the sensor.
/// </summary>
internal sealed class EventStream
{
    public EventStream(int sensorWidth, int sensorHeight, ushort[] x, ushort[] y, bool[] on, long[] timestamps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sensorWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sensorHeight);
        if (y.Length != x.Length || on.Length != x.Length || timestamps.Length != x.Length)
            throw new ArgumentException(
                $"The event arrays differ in length: x {x.Length}, y {y.Length}, polarity {on.Length}, timestamps {timestamps.Length}.");
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] >= sensorWidth || y[i] >= sensorHeight)
                throw new ArgumentException(
                    $"Event {i} at ({x[i]}, {y[i]}) lies outside the {sensorWidth}x{sensorHeight} sensor.");
        }
        SensorWidth = sensorWidth;
        SensorHeight = sensorHeight;
        X = x;
        Y = y;
        On = on;
        Timestamps = timestamps;
    }

    public int SensorWidth { get; }

    public int SensorHeight { get; }

    public ushort[] X { get; }

    public ushort[] Y { get; }

    /// <summary>Polarity: true for an ON event (brighter), false for OFF (darker).</summary>
    public bool[] On { get; }

    /// <summary>Microseconds, on the recording's clock.</summary>
    public long[] Timestamps { get; }

    public int Count => X.Length;

    /// <summary>A stream with no events on a sensor of the given size.</summary>
    public static EventStream Empty(int sensorWidth, int sensorHeight) => new(sensorWidth, sensorHeight, [], [], [], []);

    /// <summary>The events with <paramref name="start"/> ≤ timestamp &lt; <paramref name="end"/>, in order (copies).</summary>
    public EventStream Between(long start, long end)
    {
        var events = new EventStreamBuilder(SensorWidth, SensorHeight);
        for (var i = 0; i < Count; i++)
        {
            if (Timestamps[i] >= start && Timestamps[i] < end)
                events.Add(X[i], Y[i], On[i], Timestamps[i]);
        }
        return events.Build();
    }
}

namespace Neuromorph.Data.Events;

/// <summary>Collects events one at a time into the growable arrays of an <see cref="EventStream"/>.</summary>
internal sealed class EventStreamBuilder(int sensorWidth, int sensorHeight, int capacity = 1024)
{
    private ushort[] x = new ushort[Math.Max(capacity, 1)];
    private ushort[] y = new ushort[Math.Max(capacity, 1)];
    private bool[] on = new bool[Math.Max(capacity, 1)];
    private long[] timestamps = new long[Math.Max(capacity, 1)];

    public int SensorWidth { get; } = sensorWidth;

    public int SensorHeight { get; } = sensorHeight;

    public int Count { get; private set; }

    /// <summary>Appends one event; the caller has checked that it lies inside the sensor.</summary>
    public void Add(int eventX, int eventY, bool isOn, long timestamp)
    {
        if (Count == x.Length)
        {
            var grown = 2 * x.Length;
            Array.Resize(ref x, grown);
            Array.Resize(ref y, grown);
            Array.Resize(ref on, grown);
            Array.Resize(ref timestamps, grown);
        }
        x[Count] = (ushort)eventX;
        y[Count] = (ushort)eventY;
        on[Count] = isOn;
        timestamps[Count] = timestamp;
        Count++;
    }

    /// <summary>The events added so far, as a stream (the arrays are trimmed copies).</summary>
    public EventStream Build() => new(
        SensorWidth, SensorHeight, x[..Count], y[..Count], on[..Count], timestamps[..Count]);
}


namespace Neuromorph.Data.Events;

/// <summary>
/// The N-MNIST binary event format (Orchard et al., "Converting Static Image Datasets to Spiking Neuromorphic
/// Datasets Using Saccades", Frontiers in Neuroscience 2015): 5 bytes per event, no header. Byte 0 is x, byte 1
/// is y, bit 7 of byte 2 is the polarity (1 = ON) and its bits 6..0 are timestamp bits 22..16, bytes 3 and 4 are
/// timestamp bits 15..0 (big-endian); timestamps are microseconds. The dataset's sensor is 34 × 34.
/// </summary>
internal static class NMnistEventFile
{
    /// <summary>Bytes per event.</summary>
    public const int EventSize = 5;

    /// <summary>The largest timestamp the format holds: 2^23 - 1 µs (about 8.4 s).</summary>
    public const long MaxTimestamp = (1L << 23) - 1;

    /// <summary>Reads the events of <paramref name="path"/> on a sensor of the given size.</summary>
    /// <exception cref="DataException">The file cannot be read, is truncated (its length is not a multiple of 5)
    /// or holds an event outside the sensor.</exception>
    public static EventStream Read(string path, int sensorWidth, int sensorHeight) =>
        Decode(EventFiles.ReadAllBytes(path), path, sensorWidth, sensorHeight);

    /// <summary>Decodes the bytes of an N-MNIST file; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="DataException">A truncated event or an event outside the sensor.</exception>
    public static EventStream Decode(ReadOnlySpan<byte> bytes, string fileName, int sensorWidth, int sensorHeight)
    {
        if (bytes.Length % EventSize != 0)
            throw new DataException(
                $"'{fileName}' is truncated: N-MNIST files hold {EventSize} bytes per event, but its {bytes.Length} bytes "
                + $"end {bytes.Length % EventSize} bytes into event {bytes.Length / EventSize}. Replace the file with a complete copy.");
        var count = bytes.Length / EventSize;
        var events = new EventStreamBuilder(sensorWidth, sensorHeight, count);
        for (var i = 0; i < count; i++)
        {
            var record = bytes.Slice(i * EventSize, EventSize);
            int x = record[0], y = record[1];
            if (x >= sensorWidth || y >= sensorHeight)
                throw new DataException(
                    $"'{fileName}': event {i} (byte {i * EventSize}) is at ({x}, {y}), outside the {sensorWidth}x{sensorHeight} sensor "
                    + "of this dataset; the file is corrupt or belongs to another dataset.");
            var timestamp = ((record[2] & 0x7F) << 16) | (record[3] << 8) | record[4];
            events.Add(x, y, (record[2] & 0x80) != 0, timestamp);
        }
        return events.Build();
    }

    /// <summary>The N-MNIST bytes of <paramref name="events"/>.</summary>
    /// <exception cref="ArgumentException">A coordinate above 255 or a timestamp outside [0, 2^23).</exception>
    public static byte[] Encode(EventStream events)
    {
        var bytes = new byte[events.Count * EventSize];
        for (var i = 0; i < events.Count; i++)
        {
            var timestamp = events.Timestamps[i];
            if (events.X[i] > byte.MaxValue || events.Y[i] > byte.MaxValue)
                throw new ArgumentException($"Event {i} at ({events.X[i]}, {events.Y[i]}): N-MNIST files hold coordinates up to 255.", nameof(events));
            if (timestamp is < 0 or > MaxTimestamp)
                throw new ArgumentException($"Event {i} at {timestamp} µs: N-MNIST files hold timestamps from 0 to {MaxTimestamp} µs.", nameof(events));
            var record = bytes.AsSpan(i * EventSize, EventSize);
            record[0] = (byte)events.X[i];
            record[1] = (byte)events.Y[i];
            record[2] = (byte)((events.On[i] ? 0x80 : 0) | (int)(timestamp >> 16));
            record[3] = (byte)(timestamp >> 8);
            record[4] = (byte)timestamp;
        }
        return bytes;
    }

    /// <summary>Writes <paramref name="events"/> to <paramref name="path"/> atomically (temporary file + rename).</summary>
    public static void Write(string path, EventStream events)
    {
        var bytes = Encode(events);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}

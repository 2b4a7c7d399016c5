using System.Buffers.Binary;

namespace Neuromorph.Data.Events;

/// <summary>
/// The AEDAT 2.0 recordings of CIFAR10-DVS (Li et al., "CIFAR10-DVS: An Event-Stream Dataset for Object
/// Classification", Frontiers in Neuroscience 2017), made with jAER's DVS128 format: a text header
/// (<see cref="AedatHeader"/>, first line <c>#!AER-DAT2.0</c>), then 8 bytes per event, a big-endian uint32
/// address and a big-endian uint32 timestamp in µs. The release's README says the recordings play back in jAER
/// with the DVS128 filters; the address follows the DVS128 layout: bit 0 the polarity (0 = ON, 1 = OFF), bits
/// 1..7 one sensor coordinate (a = (address &amp; 0xFE) &gt;&gt; 1) and bits 8..14 the other (b = (address &amp;
/// 0x7F00) &gt;&gt; 8). The image coordinates are transposed and mirrored: x = 127 − b, y = 127 − a, as
/// SpikingJelly reads the release (<c>spikingjelly/datasets/cifar10_dvs.py</c>, <c>_load_origin_data</c>: masks
/// 0xFE, 0x7F00 and 1, then x = 127 − y_raw, y = 127 − x_raw, p = 1 − p_raw; the orientation is discussed in
/// jackd/events-tfds pull request 1). Higher address bits are ignored, as there.
/// A timestamp that wraps past 2^32 is unwrapped.
/// </summary>
internal static class CifarDvsEventFile
{
    public const string VersionLine = "#!AER-DAT2.0";
    public const int SensorSize = 128;
    public const int EventSize = 8;

    /// <summary>Reads the events of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="DataException">The file cannot be read, has a wrong or missing header, or is truncated.</exception>
    public static EventStream Read(string path) => Decode(EventFiles.ReadAllBytes(path), path);

    /// <inheritdoc cref="Read"/>
    public static EventStream Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        var offset = AedatHeader.DataOffset(bytes, fileName, VersionLine, endsWithMarker: false);
        var data = bytes[offset..];
        if (data.Length % EventSize != 0)
            throw new DataException(
                $"'{fileName}' is truncated: after its header (byte {offset}) AEDAT 2.0 holds {EventSize} bytes per event, "
                + $"but the {data.Length} bytes end {data.Length % EventSize} bytes into event {data.Length / EventSize}. "
                + "Replace the file with a complete copy.");
        var count = data.Length / EventSize;
        var events = new EventStreamBuilder(SensorSize, SensorSize, count);
        long wraps = 0;
        uint previous = 0;
        for (var i = 0; i < count; i++)
        {
            var address = BinaryPrimitives.ReadUInt32BigEndian(data[(i * EventSize)..]);
            var timestamp = BinaryPrimitives.ReadUInt32BigEndian(data[(i * EventSize + 4)..]);
            if (i > 0 && timestamp < previous && previous - timestamp > 1u << 31)
                wraps++;
            previous = timestamp;
            var a = (int)(address >> 1) & 0x7F;
            var b = (int)(address >> 8) & 0x7F;
            events.Add(SensorSize - 1 - b, SensorSize - 1 - a, (address & 1) == 0, (wraps << 32) + timestamp);
        }
        return events.Build();
    }
}

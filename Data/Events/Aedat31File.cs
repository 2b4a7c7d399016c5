using System.Buffers.Binary;

namespace Neuromorph.Data.Events;

/// <summary>
/// Polarity events from an AEDAT 3.1 file (cAER; the DVS128 Gesture release, Amir et al., CVPR 2017). After the
/// text header (<see cref="AedatHeader"/>, first line <c>#!AER-DAT3.1</c>) come packets, each a 28-byte
/// little-endian header — eventType int16, eventSource int16, eventSize int32, eventTSOffset int32,
/// eventTSOverflow int32, eventCapacity int32, eventNumber int32, eventValid int32 — followed by the packet's
/// eventCapacity slots of eventSize bytes, of which the first eventNumber hold events (cAER trims packets before
/// writing them, so the two are normally equal; SpikingJelly's <c>load_aedat_v3</c> likewise steps from packet to
/// packet by eventCapacity × eventSize). A polarity event (type 1) is 8 bytes: a uint32 with bit 0 the valid mark, bit 1 the polarity
/// (1 = ON), bits 2..16 y and bits 17..31 x, then an int32 timestamp; the full time in µs is
/// (eventTSOverflow &lt;&lt; 31) | timestamp. Packets of other types are skipped, and so are events whose valid
/// mark is 0 (filtered out by the recording software).
/// </summary>
internal static class Aedat31File
{
    public const string VersionLine = "#!AER-DAT3.1";
    public const int PacketHeaderSize = 28;
    public const short PolarityEventType = 1;
    public const int PolarityEventSize = 8;

    /// <summary>Reads every valid polarity event of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="DataException">The file cannot be read, has a wrong or missing header, a truncated packet
    /// or event, an implausible packet header, or an event outside the sensor.</exception>
    public static EventStream Read(string path, int sensorWidth, int sensorHeight) =>
        Decode(EventFiles.ReadAllBytes(path), path, sensorWidth, sensorHeight);

    /// <inheritdoc cref="Read"/>
    public static EventStream Decode(ReadOnlySpan<byte> bytes, string fileName, int sensorWidth, int sensorHeight)
    {
        var offset = AedatHeader.DataOffset(bytes, fileName, VersionLine, endsWithMarker: true);
        var events = new EventStreamBuilder(sensorWidth, sensorHeight, Math.Max(1024, (bytes.Length - offset) / PolarityEventSize));
        for (var packet = 0; offset < bytes.Length; packet++)
        {
            if (bytes.Length - offset < PacketHeaderSize)
                throw new DataException(
                    $"'{fileName}' is truncated: packet {packet} at byte {offset} has only {bytes.Length - offset} of its "
                    + $"{PacketHeaderSize} header bytes. Replace the file with a complete copy.");
            var header = bytes.Slice(offset, PacketHeaderSize);
            var type = BinaryPrimitives.ReadInt16LittleEndian(header);
            var size = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            var overflow = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
            var capacity = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
            var number = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
            var valid = BinaryPrimitives.ReadInt32LittleEndian(header[24..]);
            var where = $"'{fileName}': packet {packet} at byte {offset}";
            if (size <= 0 || number < 0 || valid < 0 || valid > number || capacity < number || overflow < 0)
                throw new DataException(
                    $"{where} has an implausible header (eventSize {size}, eventCapacity {capacity}, eventNumber {number}, "
                    + $"eventValid {valid}, eventTSOverflow {overflow}); the file is corrupt or not an AEDAT 3.1 recording.");
            if (type == PolarityEventType && size != PolarityEventSize)
                throw new DataException(
                    $"{where} holds polarity events of {size} bytes; AEDAT 3.1 polarity events are {PolarityEventSize} bytes.");
            offset += PacketHeaderSize;
            var payload = (long)capacity * size;
            if (payload > bytes.Length - offset)
                throw new DataException(
                    $"{where} is truncated: it declares {capacity} events of {size} bytes ({payload} bytes) but only "
                    + $"{bytes.Length - offset} bytes follow, ending inside event {(bytes.Length - offset) / size}. "
                    + "Replace the file with a complete copy.");
            if (type == PolarityEventType)
                AddPolarityEvents(bytes.Slice(offset, number * size), (long)overflow << 31, events, where);
            offset += (int)payload;
        }
        return events.Build();
    }

    private static void AddPolarityEvents(ReadOnlySpan<byte> payload, long overflow, EventStreamBuilder events, string where)
    {
        for (var i = 0; i < payload.Length / PolarityEventSize; i++)
        {
            var data = BinaryPrimitives.ReadUInt32LittleEndian(payload[(i * PolarityEventSize)..]);
            var timestamp = BinaryPrimitives.ReadInt32LittleEndian(payload[(i * PolarityEventSize + 4)..]);
            if ((data & 1) == 0)
                continue;
            var x = (int)(data >> 17) & 0x7FFF;
            var y = (int)(data >> 2) & 0x7FFF;
            if (x >= events.SensorWidth || y >= events.SensorHeight || timestamp < 0)
                throw new DataException(
                    $"{where}: event {i} is at ({x}, {y}) with timestamp {timestamp}, outside the "
                    + $"{events.SensorWidth}x{events.SensorHeight} sensor or before time 0; the file is corrupt.");
            events.Add(x, y, (data & 2) != 0, overflow | (uint)timestamp);
        }
    }
}

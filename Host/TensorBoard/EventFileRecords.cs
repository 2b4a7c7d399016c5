using System.Buffers.Binary;
using Tensorboard;
using TorchSharp.Utils;

namespace Neuromorph.Host.TensorBoard;

/// <summary>
/// The records of a TensorBoard event file, read as TensorBoard reads them: each is a TFRecord (the data's length as
/// a little-endian uint64, the masked CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data) holding one
/// <see cref="Event"/>. Reading stops at the first record that is cut short (the file of a process killed while it
/// wrote) or fails its checksums.
/// </summary>
internal sealed class EventFileRecords
{
    private const int LengthBytes = 8;
    private const int CrcBytes = 4;

    private EventFileRecords(IReadOnlyList<(Event Event, ReadOnlyMemory<byte> Bytes)> records, string? problem)
    {
        Records = records;
        Problem = problem;
    }

    /// <summary>Every whole, intact record from the start, with its bytes as framed in the file.</summary>
    public IReadOnlyList<(Event Event, ReadOnlyMemory<byte> Bytes)> Records { get; }

    /// <summary>Why reading stopped before the end of the file; null when every byte was read.</summary>
    public string? Problem { get; }

    /// <summary>True when the file ends inside a record: what a kill during a write leaves, not a corruption.</summary>
    public bool EndsCutShort { get; private init; }

    public static EventFileRecords Read(byte[] file)
    {
        var records = new List<(Event, ReadOnlyMemory<byte>)>();
        var offset = 0;
        while (offset < file.Length)
        {
            if (file.Length - offset < LengthBytes + CrcBytes)
                return CutShort(records, offset);
            var lengthBytes = file.AsSpan(offset, LengthBytes);
            if (MaskedCrc(lengthBytes) != BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + LengthBytes, CrcBytes)))
                return new EventFileRecords(records, $"the length of the record at byte {offset} fails its checksum");
            var length = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            var dataStart = offset + LengthBytes + CrcBytes;
            var remaining = (ulong)(file.Length - dataStart);
            if (length > remaining || remaining - length < CrcBytes)
                return CutShort(records, offset);
            var data = file.AsSpan(dataStart, (int)length);
            if (MaskedCrc(data) != BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(dataStart + (int)length, CrcBytes)))
                return new EventFileRecords(records, $"the record at byte {offset} fails its checksum");
            Event parsed;
            try
            {
                parsed = Event.Parser.ParseFrom(data);
            }
            catch (Google.Protobuf.InvalidProtocolBufferException e)
            {
                return new EventFileRecords(records, $"the record at byte {offset} is not an event ({e.Message})");
            }
            var end = dataStart + (int)length + CrcBytes;
            records.Add((parsed, file.AsMemory(offset, end - offset)));
            offset = end;
        }
        return new EventFileRecords(records, null);
    }

    private static EventFileRecords CutShort(List<(Event, ReadOnlyMemory<byte>)> records, int offset) =>
        new(records, $"the file ends inside the record at byte {offset}") { EndsCutShort = true };

    /// <summary>TFRecord's masked CRC-32C: the checksum rotated right by 15 bits plus a constant.</summary>
    private static uint MaskedCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = CRC32C.process(bytes.ToArray());
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }
}

using System.Buffers.Binary;
using Tensorboard;
using TorchSharp.Utils;

namespace Neuromorph.Host.TensorBoard;

/// <summary>How the reading of an event file ended.</summary>
internal enum EventFileEnding
{
    /// <summary>Every byte was read.</summary>
    Complete,

    /// <summary>The file ends inside a record: what a kill during a write leaves.</summary>
    CutShort,

    /// <summary>A record fails its checksums: TensorBoard reads nothing after it either.</summary>
    Damaged,

    /// <summary>A record with valid checksums does not decode as an event.</summary>
    Undecodable,
}

/// <summary>
/// The records of a TensorBoard event file, read as TensorBoard reads them: each is a TFRecord (the data's length as
/// a little-endian uint64, the masked CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data) holding one
/// <see cref="Event"/>. Reading stops at the first record that is cut short, fails its checksums or does not decode.
/// </summary>
internal sealed record EventFileRecords(IReadOnlyList<(Event Event, ReadOnlyMemory<byte> Bytes)> Records, EventFileEnding Ending, string? Problem)
{
    private const int LengthBytes = 8;
    private const int CrcBytes = 4;

    public static EventFileRecords Read(byte[] file)
    {
        var records = new List<(Event, ReadOnlyMemory<byte>)>();
        var offset = 0;
        while (offset < file.Length)
        {
            if (file.Length - offset < LengthBytes + CrcBytes)
                return Stop(EventFileEnding.CutShort, $"the file ends inside the record at byte {offset}");
            var lengthBytes = file.AsSpan(offset, LengthBytes);
            if (MaskedCrc(lengthBytes) != BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + LengthBytes, CrcBytes)))
                return Stop(EventFileEnding.Damaged, $"the length of the record at byte {offset} fails its checksum");
            var length = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            var dataStart = offset + LengthBytes + CrcBytes;
            var remaining = (ulong)(file.Length - dataStart);
            if (length > remaining || remaining - length < CrcBytes)
                return Stop(EventFileEnding.CutShort, $"the file ends inside the record at byte {offset}");
            var data = file.AsSpan(dataStart, (int)length);
            if (MaskedCrc(data) != BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(dataStart + (int)length, CrcBytes)))
                return Stop(EventFileEnding.Damaged, $"the record at byte {offset} fails its checksum");
            Event parsed;
            try
            {
                // From an array: TorchSharp's generated event classes do not support parsing from a span.
                parsed = Event.Parser.ParseFrom(data.ToArray());
            }
            catch (Google.Protobuf.InvalidProtocolBufferException e)
            {
                return Stop(EventFileEnding.Undecodable, $"the record at byte {offset} is not an event ({e.Message})");
            }
            var end = dataStart + (int)length + CrcBytes;
            records.Add((parsed, file.AsMemory(offset, end - offset)));
            offset = end;
        }
        return new EventFileRecords(records, EventFileEnding.Complete, null);

        EventFileRecords Stop(EventFileEnding ending, string problem) => new(records, ending, problem);
    }

    /// <summary>TFRecord's masked CRC-32C: the checksum rotated right by 15 bits plus a constant.</summary>
    private static uint MaskedCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = CRC32C.process(bytes.ToArray());
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }
}

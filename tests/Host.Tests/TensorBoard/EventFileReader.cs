using System.Buffers.Binary;
using Google.Protobuf;

namespace Neuromorph.Host.Tests.TensorBoard;

/// <summary>One value of a summary as the event file holds it: a scalar, or a text entry (a string tensor).</summary>
internal sealed record SummaryValue(string Tag, float? Scalar, string? Text, string? PluginName);

/// <summary>One event of an event file (the fields of TensorBoard's event.proto that Neuromorph writes).</summary>
internal sealed record TensorBoardEvent(string File, double WallTime, long Step, string? FileVersion, IReadOnlyList<SummaryValue> Values);

/// <summary>
/// Reads TensorBoard event files without the writer's code: the TFRecord framing (uint64 length little-endian, masked
/// CRC-32C of those 8 bytes, the data, masked CRC-32C of the data), both checksums of every record verified, and each
/// record decoded field by field with protobuf's <see cref="CodedInputStream"/> by the numbers of TensorBoard's protos:
/// Event (wall_time = 1 double, step = 2 int64, file_version = 3 string, summary = 5), Summary (value = 1),
/// Summary.Value (tag = 1, simple_value = 2 float, tensor = 8, metadata = 9), SummaryMetadata (plugin_data = 1),
/// PluginData (plugin_name = 1), TensorProto (string_val = 8).
/// </summary>
internal static class EventFileReader
{
    /// <summary>Every event of every event file in <paramref name="folder"/>, files in name order (as TensorBoard reads them).</summary>
    public static List<TensorBoardEvent> ReadFolder(string folder) =>
        Directory.GetFiles(folder, "*tfevents*").Order(StringComparer.Ordinal).SelectMany(ReadFile).ToList();

    /// <summary>The events of one file; throws on a record cut short or failing a checksum.</summary>
    public static List<TensorBoardEvent> ReadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<TensorBoardEvent>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            Require(bytes.Length - offset >= 12, path, offset, "the file ends inside a record's header");
            var lengthBytes = bytes.AsSpan(offset, 8);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            Require(Crc32C.Masked(lengthBytes) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8, 4)), path, offset, "the length's checksum fails");
            var start = offset + 12;
            Require(bytes.Length - start >= 4 && length <= (ulong)(bytes.Length - start - 4), path, offset, "the file ends inside a record");
            var data = bytes.AsSpan(start, (int)length);
            Require(Crc32C.Masked(data) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(start + (int)length, 4)), path, offset, "the data's checksum fails");
            events.Add(DecodeEvent(Path.GetFileName(path), data.ToArray()));
            offset = start + (int)length + 4;
        }
        return events;
    }

    private static TensorBoardEvent DecodeEvent(string file, byte[] data)
    {
        var input = new CodedInputStream(data);
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        var values = new List<SummaryValue>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    Expect(tag, WireFormat.WireType.Fixed64);
                    wallTime = input.ReadDouble();
                    break;
                case 2:
                    Expect(tag, WireFormat.WireType.Varint);
                    step = input.ReadInt64();
                    break;
                case 3:
                    Expect(tag, WireFormat.WireType.LengthDelimited);
                    fileVersion = input.ReadString();
                    break;
                case 5:
                    Expect(tag, WireFormat.WireType.LengthDelimited);
                    values.AddRange(DecodeSummary(input.ReadBytes()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new TensorBoardEvent(file, wallTime, step, fileVersion, values);
    }

    private static IEnumerable<SummaryValue> DecodeSummary(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var values = new List<SummaryValue>();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1)
            {
                input.SkipLastField();
                continue;
            }
            Expect(tag, WireFormat.WireType.LengthDelimited);
            values.Add(DecodeValue(input.ReadBytes()));
        }
        return values;
    }

    private static SummaryValue DecodeValue(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string? name = null, text = null, plugin = null;
        float? scalar = null;
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    Expect(tag, WireFormat.WireType.LengthDelimited);
                    name = input.ReadString();
                    break;
                case 2:
                    Expect(tag, WireFormat.WireType.Fixed32);
                    scalar = input.ReadFloat();
                    break;
                case 8:
                    Expect(tag, WireFormat.WireType.LengthDelimited);
                    text = FirstField(input.ReadBytes(), 8)?.ToStringUtf8();
                    break;
                case 9:
                    Expect(tag, WireFormat.WireType.LengthDelimited);
                    var pluginData = FirstField(input.ReadBytes(), 1);
                    plugin = pluginData is null ? null : FirstField(pluginData, 1)?.ToStringUtf8();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new SummaryValue(name ?? throw new InvalidDataException("A summary value has no tag."), scalar, text, plugin);
    }

    /// <summary>The first length-delimited field <paramref name="number"/> of a message, or null.</summary>
    private static ByteString? FirstField(ByteString message, int number)
    {
        var input = message.CreateCodedInput();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                return input.ReadBytes();
            input.SkipLastField();
        }
        return null;
    }

    private static void Expect(uint tag, WireFormat.WireType wireType)
    {
        if (WireFormat.GetTagWireType(tag) != wireType)
            throw new InvalidDataException($"Field {WireFormat.GetTagFieldNumber(tag)} has wire type {WireFormat.GetTagWireType(tag)}, expected {wireType}.");
    }

    private static void Require(bool condition, string path, int offset, string problem)
    {
        if (!condition) throw new InvalidDataException($"'{path}', record at byte {offset}: {problem}.");
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Neuromorph.Data.Tests.Events;

/// <summary>
/// Event files encoded here from the formats' specifications (not with the production writers), so that the
/// readers are checked against the formats themselves.
/// </summary>
internal static class EventBytes
{
    /// <summary>An AEDAT 3.1 header as cAER writes it (CRLF line ends).</summary>
    public const string Aedat31Header =
        "#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DVS128\r\n#Start-Time: 2017-01-01 12:00:00 (TZ+0000)\r\n#!END-HEADER\r\n";

    /// <summary>An AEDAT 2.0 header as jAER writes it.</summary>
    public const string Aedat2Header =
        "#!AER-DAT2.0\r\n# This is a raw AE data file - do not edit\r\n"
        + "# Data format is int32 address, int32 timestamp (8 bytes total), repeated for each event\r\n"
        + "# Timestamps tick is 1 us\r\n";

    /// <summary>
    /// N-MNIST: 5 bytes per event: x, y, polarity in bit 7 of byte 2 with timestamp bits 22..16 in its bits 6..0,
    /// then timestamp bits 15..8 and 7..0.
    /// </summary>
    public static byte[] NMnist(params (int X, int Y, bool On, int Timestamp)[] events) => events
        .SelectMany(e => new[]
        {
            (byte)e.X, (byte)e.Y, (byte)((e.On ? 0x80 : 0) | (e.Timestamp >> 16)), (byte)(e.Timestamp >> 8), (byte)e.Timestamp,
        })
        .ToArray();

    /// <summary>An AEDAT 3.1 polarity event: uint32 (bit 0 valid, bit 1 polarity, bits 2..16 y, bits 17..31 x), int32 timestamp.</summary>
    public static byte[] Polarity(int x, int y, bool on, int timestamp, bool valid = true)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, ((uint)x << 17) | ((uint)y << 2) | (on ? 2u : 0) | (valid ? 1u : 0));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), timestamp);
        return bytes;
    }

    /// <summary>
    /// An AEDAT 3.1 packet: the 28-byte little-endian header (type, source, size, ts offset, ts overflow, capacity,
    /// number, valid) and the event slots. Capacity defaults to the slots given, number and valid to the capacity.
    /// </summary>
    public static byte[] Packet(short type, int eventSize, int overflow, IReadOnlyList<byte[]> events, int? capacity = null, int? number = null)
    {
        var header = new byte[28];
        BinaryPrimitives.WriteInt16LittleEndian(header, type);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(2), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), eventSize);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), 4);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), overflow);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), capacity ?? events.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), number ?? capacity ?? events.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), number ?? capacity ?? events.Count);
        return [.. header, .. events.SelectMany(e => e)];
    }

    /// <summary>An AEDAT 3.1 file: the header text and the packets.</summary>
    public static byte[] Aedat31(params byte[][] packets) => [.. Encoding.ASCII.GetBytes(Aedat31Header), .. packets.SelectMany(p => p)];

    /// <summary>An AEDAT 2.0 file: the header, then big-endian (address, timestamp) pairs.</summary>
    public static byte[] Aedat2(params (uint Address, uint Timestamp)[] events)
    {
        var data = new byte[events.Length * 8];
        for (var i = 0; i < events.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(i * 8), events[i].Address);
            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(i * 8 + 4), events[i].Timestamp);
        }
        return [.. Encoding.ASCII.GetBytes(Aedat2Header), .. data];
    }
}

using System.Buffers.Binary;
using System.IO.Compression;

namespace Neuromorph.Data;

/// <summary>
/// Reads IDX files (the MNIST / Fashion-MNIST format), plain or gzip-compressed: gzip is recognised by its
/// magic bytes 1f 8b, not by the file name. Headers are big-endian. Every defect (wrong magic, truncated
/// header or payload, trailing bytes, corrupt gzip data) is a <see cref="DataException"/> naming the file.
/// </summary>
internal static class IdxReader
{
    /// <summary>Unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const uint ImagesMagic = 0x00000803;

    /// <summary>Unsigned bytes, 1 dimension (count).</summary>
    public const uint LabelsMagic = 0x00000801;

    /// <summary>Reads an image file from <paramref name="stream"/>; <paramref name="fileName"/> is used in errors.</summary>
    public static IdxImages ReadImages(Stream stream, string fileName) =>
        Decoding(stream, fileName, payload =>
        {
            var header = ReadHeader(payload, fileName, ImagesMagic, "image", dimensions: 3);
            var (count, rows, columns) = (header[0], header[1], header[2]);
            if (rows == 0 || columns == 0)
                throw new DataException($"'{fileName}' declares images of {rows}x{columns} pixels; both sides must be positive.");
            var promised = (ulong)count * rows * columns;
            var what = $"{count} images of {rows}x{columns} ({promised} bytes)";
            var pixels = ReadPayload(payload, fileName, promised, what);
            return new IdxImages((int)count, (int)rows, (int)columns, pixels);
        });

    /// <summary>Reads a label file from <paramref name="stream"/>; <paramref name="fileName"/> is used in errors.</summary>
    public static byte[] ReadLabels(Stream stream, string fileName) =>
        Decoding(stream, fileName, payload =>
        {
            var count = ReadHeader(payload, fileName, LabelsMagic, "label", dimensions: 1)[0];
            return ReadPayload(payload, fileName, count, $"{count} labels ({count} bytes)");
        });

    private static T Decoding<T>(Stream stream, string fileName, Func<Stream, T> read)
    {
        var seekable = stream.CanSeek ? stream : CopyToMemory(stream);
        var start = seekable.Position;
        Span<byte> magic = stackalloc byte[2];
        var isGzip = seekable.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        seekable.Position = start;
        if (!isGzip)
            return read(seekable);
        try
        {
            using var gzip = new GZipStream(seekable, CompressionMode.Decompress, leaveOpen: true);
            return read(gzip);
        }
        catch (InvalidDataException e)
        {
            throw new DataException(
                $"'{fileName}' is not a valid gzip file: its compressed data is corrupt ({e.Message}). "
                + "Download or install the dataset again.",
                e);
        }
    }

    private static uint[] ReadHeader(Stream payload, string fileName, uint expectedMagic, string kind, int dimensions)
    {
        var headerSize = 4 * (1 + dimensions);
        var header = new byte[headerSize];
        var read = payload.ReadAtLeast(header, headerSize, throwOnEndOfStream: false);
        if (read >= 4)
        {
            var magic = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (magic != expectedMagic)
                throw new DataException(WrongMagicMessage(fileName, magic, expectedMagic, kind));
        }
        if (read < headerSize)
            throw new DataException(
                $"'{fileName}' is truncated: an IDX {kind} file starts with a {headerSize}-byte header, "
                + $"but the file holds only {read} bytes.");
        var values = new uint[dimensions];
        for (var i = 0; i < dimensions; i++)
            values[i] = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4 * (i + 1)));
        if (values[0] == 0)
            throw new DataException($"'{fileName}' holds no {kind}s: its header declares a count of 0.");
        return values;
    }

    private static string WrongMagicMessage(string fileName, uint magic, uint expected, string kind)
    {
        var found = magic switch
        {
            ImagesMagic => "an IDX image file (magic 0x00000803)",
            LabelsMagic => "an IDX label file (magic 0x00000801)",
            _ => $"a file starting with 0x{magic:x8}",
        };
        return $"'{fileName}' is {found}, but an IDX {kind} file (magic 0x{expected:x8}) was expected. "
            + "Check that the file is the right one of the four MNIST-format files.";
    }

    private static byte[] ReadPayload(Stream payload, string fileName, ulong promised, string what)
    {
        if (promised > (ulong)Array.MaxLength)
            throw new DataException($"'{fileName}' declares {what}, more than fits in memory; the header is corrupt.");
        var expected = (int)promised;
        var buffer = new byte[Math.Min(expected, 1 << 24)];
        var filled = 0;
        while (true)
        {
            filled += payload.ReadAtLeast(buffer.AsSpan(filled), buffer.Length - filled, throwOnEndOfStream: false);
            if (filled < buffer.Length || buffer.Length == expected)
                break;
            Array.Resize(ref buffer, (int)Math.Min(expected, 2L * buffer.Length));
        }
        if (filled < expected)
            throw new DataException(
                $"'{fileName}' is truncated: the header promises {what} but only {filled} bytes follow.");
        var trailing = CountRemainingBytes(payload);
        if (trailing > 0)
            throw new DataException(
                $"'{fileName}' has {trailing} unexpected bytes after the {what} its header promises; "
                + "the file is corrupt or not an IDX file.");
        return buffer;
    }

    private static long CountRemainingBytes(Stream payload)
    {
        var scratch = new byte[8192];
        long total = 0;
        int read;
        while ((read = payload.Read(scratch)) > 0)
            total += read;
        return total;
    }

    private static MemoryStream CopyToMemory(Stream stream)
    {
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }
}

using System.Text;

namespace Neuromorph.Data.Events;

/// <summary>
/// The text header of an AEDAT file (jAER / cAER): lines starting with <c>#</c>, the first of which names the
/// format version (<c>#!AER-DAT2.0</c>, <c>#!AER-DAT3.1</c>). AEDAT 3.1 ends the header with a
/// <c>#!END-HEADER</c> line; AEDAT 2.0 has no end marker, so its header ends at the first line that does not
/// start with <c>#</c>. Lines end with <c>\r\n</c> (a bare <c>\n</c> is accepted too).
/// </summary>
internal static class AedatHeader
{
    /// <summary>The end marker of an AEDAT 3.x header.</summary>
    public const string EndMarker = "#!END-HEADER";

    /// <summary>
    /// The offset of the first byte after the header of <paramref name="bytes"/>, checking that the first line is
    /// <paramref name="versionLine"/> and, when <paramref name="endsWithMarker"/>, that <see cref="EndMarker"/>
    /// closes the header.
    /// </summary>
    /// <exception cref="DataException">The version line is missing or different, or the header is not closed.</exception>
    public static int DataOffset(ReadOnlySpan<byte> bytes, string fileName, string versionLine, bool endsWithMarker)
    {
        var first = ReadLine(bytes, 0, out var offset);
        if (first != versionLine)
        {
            var found = first is null || first.Length == 0 || first[0] != '#'
                ? "no AEDAT header"
                : $"the header line '{Shorten(first)}'";
            throw new DataException(
                $"'{fileName}' is not an {Describe(versionLine)} file: it should start with the line '{versionLine}' but has {found}.");
        }
        while (offset < bytes.Length && bytes[offset] == (byte)'#')
        {
            var line = ReadLine(bytes, offset, out var next);
            if (line is null)
                break;
            offset = next;
            if (endsWithMarker && line == EndMarker)
                return offset;
        }
        if (endsWithMarker)
            throw new DataException(
                $"'{fileName}' has an unterminated header: the '#' lines are not closed by '{EndMarker}' "
                + $"(stopped at byte {offset} of {bytes.Length}); the file is truncated or corrupt.");
        return offset;
    }

    /// <summary>The line starting at <paramref name="start"/> without its line end, or null when no line end follows.</summary>
    private static string? ReadLine(ReadOnlySpan<byte> bytes, int start, out int next)
    {
        var length = bytes[start..].IndexOf((byte)'\n');
        if (length < 0)
        {
            next = bytes.Length;
            return null;
        }
        next = start + length + 1;
        var line = bytes.Slice(start, length);
        if (line.Length > 0 && line[^1] == (byte)'\r')
            line = line[..^1];
        return Encoding.Latin1.GetString(line);
    }

    private static string Describe(string versionLine) => versionLine.Replace("#!AER-DAT", "AEDAT ");

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "...";
}

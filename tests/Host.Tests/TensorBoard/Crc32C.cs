namespace Neuromorph.Host.Tests.TensorBoard;

/// <summary>
/// CRC-32C (Castagnoli) from its published definition, to check event files independently of the writer: reflected
/// polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF; and TFRecord's mask of it.
/// </summary>
internal static class Crc32C
{
    private const uint ReflectedPolynomial = 0x82F63B78;
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>TFRecord's masked checksum: rotated right by 15 bits, plus 0xa282ead8.</summary>
    public static uint Masked(ReadOnlySpan<byte> bytes)
    {
        var crc = Compute(bytes);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            var c = i;
            for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            table[i] = c;
        }
        return table;
    }
}

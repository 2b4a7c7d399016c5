using System.IO.Compression;

namespace Neuromorph.Data.Tests;

/// <summary>Hand-built IDX files for the tests: big-endian headers written byte by byte.</summary>
internal static class IdxBytes
{
    /// <summary>Two 2x3 images: [0 1 2 / 253 254 255] and [10 20 30 / 40 50 60].</summary>
    public static readonly byte[] TwoImages =
    [
        0x00, 0x00, 0x08, 0x03, // magic: unsigned bytes, 3 dimensions
        0x00, 0x00, 0x00, 0x02, // 2 images
        0x00, 0x00, 0x00, 0x02, // 2 rows
        0x00, 0x00, 0x00, 0x03, // 3 columns
        0, 1, 2, 253, 254, 255,
        10, 20, 30, 40, 50, 60,
    ];

    /// <summary>Two labels: 7 and 3.</summary>
    public static readonly byte[] TwoLabels =
    [
        0x00, 0x00, 0x08, 0x01, // magic: unsigned bytes, 1 dimension
        0x00, 0x00, 0x00, 0x02, // 2 labels
        7, 3,
    ];

    /// <summary>Three labels: 7, 3 and 1.</summary>
    public static readonly byte[] ThreeLabels = [0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x03, 7, 3, 1];

    public static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(plain);
        return output.ToArray();
    }

    /// <summary>
    /// An IDX image file of <paramref name="count"/> 2x2 images whose first two pixels encode the image's
    /// index (low byte, high byte), with labels index mod 10.
    /// </summary>
    public static (byte[] Images, byte[] Labels) Indexed(int count)
    {
        var images = new List<byte> { 0, 0, 8, 3, 0, 0, (byte)(count >> 8), (byte)count, 0, 0, 0, 2, 0, 0, 0, 2 };
        var labels = new List<byte> { 0, 0, 8, 1, 0, 0, (byte)(count >> 8), (byte)count };
        for (var i = 0; i < count; i++)
        {
            images.AddRange([(byte)(i % 256), (byte)(i / 256), 255, 51]);
            labels.Add((byte)(i % 10));
        }
        return (images.ToArray(), labels.ToArray());
    }
}

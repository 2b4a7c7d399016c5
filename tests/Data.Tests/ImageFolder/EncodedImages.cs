using StbImageWriteSharp;

namespace Neuromorph.Data.Tests.ImageFolder;

/// <summary>Small PNG and JPEG files encoded by the tests (StbImageWriteSharp) from interleaved pixels.</summary>
internal static class EncodedImages
{
    /// <summary>A PNG of <paramref name="pixels"/>: rows of interleaved components (1 = grey, 3 = RGB, 4 = RGBA).</summary>
    public static byte[] Png(byte[] pixels, int width, int height, int components)
    {
        using var stream = new MemoryStream();
        new ImageWriter().WritePng(pixels, width, height, Components(components), stream);
        return stream.ToArray();
    }

    /// <summary>A JPEG of <paramref name="pixels"/> at the given quality.</summary>
    public static byte[] Jpeg(byte[] pixels, int width, int height, int components, int quality = 100)
    {
        using var stream = new MemoryStream();
        new ImageWriter().WriteJpg(pixels, width, height, Components(components), stream, quality);
        return stream.ToArray();
    }

    /// <summary>A solid RGB image of <paramref name="width"/> × <paramref name="height"/>, interleaved.</summary>
    public static byte[] Solid(int width, int height, byte r, byte g, byte b) =>
        [.. Enumerable.Range(0, width * height).SelectMany(_ => new[] { r, g, b })];

    private static ColorComponents Components(int components) => components switch
    {
        1 => ColorComponents.Grey,
        3 => ColorComponents.RedGreenBlue,
        4 => ColorComponents.RedGreenBlueAlpha,
        _ => throw new ArgumentOutOfRangeException(nameof(components)),
    };
}

using System.Buffers.Binary;
using System.Text;
using StbImageSharp;

namespace Neuromorph.Host.Tests.Plotting;

/// <summary>Checks a figure file: a whole PNG (signature, IHDR first, IEND last) of the stated size that decodes and is not blank.</summary>
internal static class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void ShouldBeFigure(string path, int width, int height)
    {
        File.Exists(path).Should().BeTrue($"'{path}' should have been written");
        var bytes = File.ReadAllBytes(path);
        bytes.Length.Should().BeGreaterThan(33 + 12, $"'{path}' should hold more than a header");
        bytes.Take(8).Should().Equal(Signature, $"'{path}' should start with the PNG signature");
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)).Should().Be(13, "IHDR's length");
        Encoding.ASCII.GetString(bytes, 12, 4).Should().Be("IHDR");
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)).Should().Be(width, $"the width of '{path}'");
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)).Should().Be(height, $"the height of '{path}'");
        Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4).Should().Be("IEND", $"'{path}' should end with IEND (a whole file)");

        var image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlue);
        (image.Width, image.Height).Should().Be((width, height));
        var colours = new HashSet<int>();
        var notWhite = 0;
        for (var i = 0; i < image.Data.Length; i += 3)
        {
            var rgb = (image.Data[i] << 16) | (image.Data[i + 1] << 8) | image.Data[i + 2];
            colours.Add(rgb);
            if (rgb != 0xFFFFFF) notWhite++;
        }
        colours.Count.Should().BeGreaterThan(8, $"'{path}' should show axes, text and data, not one flat colour");
        (notWhite / (double)(width * height)).Should().BeGreaterThan(0.01, $"'{path}' should not be blank");
    }

    /// <summary>The files in <paramref name="folder"/> that a write by rename leaves while it runs (<c>.name.….tmp</c>).</summary>
    public static IEnumerable<string> TemporaryFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, ".*", SearchOption.AllDirectories) : [];
}

using StbImageWriteSharp;

namespace Neuromorph.Host.Tests.Cli;

/// <summary>Tiny datasets written by the tests in their real formats: a CIFAR-10 binary folder and an image folder of PNGs.</summary>
internal static class StaticImageFiles
{
    /// <summary>
    /// A CIFAR-10 folder: one record per training batch file (labels 0-4) and three test records (labels 5-7). Each
    /// record is the label byte then 3072 pixel bytes (1024 R, 1024 G, 1024 B), filled with a pattern of its index.
    /// </summary>
    public static string WriteCifar10(string directory)
    {
        Directory.CreateDirectory(directory);
        for (var batch = 1; batch <= 5; batch++)
            File.WriteAllBytes(Path.Combine(directory, $"data_batch_{batch}.bin"), Record(batch - 1, label: (byte)(batch - 1)));
        File.WriteAllBytes(Path.Combine(directory, "test_batch.bin"), [.. Record(5, 5), .. Record(6, 6), .. Record(7, 7)]);
        return directory;
    }

    /// <summary>train/&lt;class&gt;/ and val/&lt;class&gt;/ folders of 12x12 RGB PNGs, <paramref name="perClass"/> per class and split.</summary>
    public static string WriteImageFolder(string root, IReadOnlyList<string> classes, int perClass)
    {
        for (var c = 0; c < classes.Count; c++)
        {
            foreach (var split in new[] { "train", "val" })
            {
                var folder = Directory.CreateDirectory(Path.Combine(root, split, classes[c])).FullName;
                for (var i = 0; i < perClass; i++)
                {
                    var pixels = Enumerable.Range(0, 12 * 12 * 3).Select(p => (byte)((p * (c + 3)) + (i * 17))).ToArray();
                    using var stream = File.Create(Path.Combine(folder, $"{i}.png"));
                    new ImageWriter().WritePng(pixels, 12, 12, ColorComponents.RedGreenBlue, stream);
                }
            }
        }
        return root;
    }

    private static byte[] Record(int index, byte label) =>
        [label, .. Enumerable.Range(0, 3072).Select(p => (byte)((p * 13) + (index * 29)))];
}

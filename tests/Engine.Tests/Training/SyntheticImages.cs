using Neuromorph.Data;

namespace Neuromorph.Engine.Tests.Training;

/// <summary>
/// A small learnable image set made by the tests: class k lights up the k-th 2x2 block of an 8x8 image
/// (on a fixed noisy background), so a tiny network can learn it in a few dozen iterations.
/// </summary>
internal static class SyntheticImages
{
    public const int Side = 8;

    public static ImageDataset Create(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * Side * Side];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % 10;
            labels[i] = (byte)label;
            var offset = i * Side * Side;
            for (var p = 0; p < Side * Side; p++) pixels[offset + p] = (byte)random.Next(0, 60);
            var (row, column) = (label / 4 * 2, label % 4 * 2);
            for (var dy = 0; dy < 2; dy++)
                for (var dx = 0; dx < 2; dx++)
                    pixels[offset + (row + dy) * Side + column + dx] = 255;
        }
        return new ImageDataset(pixels, labels, 1, Side, Side, "synthetic blocks", new DatasetNormalization(0.1, 0.25));
    }
}

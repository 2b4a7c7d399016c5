using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class SaccadeCameraTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>A 28 × 28 black image with a white square on rows and columns 10 to 17.</summary>
    private static float[] Square()
    {
        var image = new float[28 * 28];
        for (var y = 10; y <= 17; y++)
        {
            for (var x = 10; x <= 17; x++)
                image[(y * 28) + x] = 1;
        }
        return image;
    }

    [Fact]
    public void Record_BlankImage_GivesNoEvents()
    {
        var events = SaccadeCamera.Record(new float[28 * 28], 28, 28, new SaccadeSettings(), 1);

        events.Count.Should().Be(0);
        (events.SensorWidth, events.SensorHeight).Should().Be((34, 34), "28 + 2 × 3 padding, like N-MNIST");
    }

    [Fact]
    public void Record_BrightSquare_GivesOnAndOffEventsOnlyNearItsEdges()
    {
        var events = SaccadeCamera.Record(Square(), 28, 28, new SaccadeSettings(), 1);

        events.On.Should().Contain(true).And.Contain(false);
        // With padding 3 the square covers sensor pixels 13..20. The default amplitude a = 3 moves the image at most
        // 2a/3 = 2 px, and only pixels whose bilinear sample crosses the square's edge change: within 2 px of its outline.
        var distances = Enumerable.Range(0, events.Count).Select(i => EdgeDistance(events.X[i], events.Y[i])).ToArray();
        distances.Should().OnlyContain(distance => distance <= 2);
        // Every side of the square produces events.
        var pixels = Enumerable.Range(0, events.Count).Select(i => (X: (int)events.X[i], Y: (int)events.Y[i])).ToArray();
        pixels.Should().Contain(p => p.X <= 13).And.Contain(p => p.X >= 20).And.Contain(p => p.Y <= 13).And.Contain(p => p.Y >= 20);
        events.Timestamps.Should().BeInAscendingOrder().And.OnlyContain(t => t >= 1_000 && t <= 300_000 && t % 1_000 == 0);
    }

    [Fact]
    public void Record_SameSeed_SameEvents_SeedOnlyDrawsTheThresholdMismatch()
    {
        var settings = new SaccadeSettings();

        var events = SaccadeCamera.Record(Square(), 28, 28, settings, 5).Tuples();

        SaccadeCamera.Record(Square(), 28, 28, settings, 5).Tuples().Should().Equal(events);
        SaccadeCamera.Record(Square(), 28, 28, settings, 6).Tuples().Should().NotEqual(events);
        var uniform = settings with { ThresholdMismatch = 0 };
        SaccadeCamera.Record(Square(), 28, 28, uniform, 6).Tuples().Should().Equal(SaccadeCamera.Record(Square(), 28, 28, uniform, 7).Tuples());
    }

    [Fact]
    public void Record_HigherThreshold_GivesFewerEvents()
    {
        var fine = SaccadeCamera.Record(Square(), 28, 28, new SaccadeSettings(Threshold: 0.1), 1).Count;
        var coarse = SaccadeCamera.Record(Square(), 28, 28, new SaccadeSettings(Threshold: 0.4), 1).Count;

        coarse.Should().BeLessThan(fine).And.BePositive();
    }

    [Fact]
    public void Convert_WritesNMnistFilesThatTheReaderAndLayoutLoad_Deterministically()
    {
        var images = new DatasetSplits(Images([3, 7, 3]), Images([1, 0]));
        var output = folder.Combine("first");

        var conversion = SaccadeConverter.Convert(images, output, new SaccadeSettings(Seed: 4), limit: 2);

        (conversion.TrainFiles, conversion.TestFiles, conversion.SensorWidth).Should().Be((2, 2, 34));
        var files = Directory.GetFiles(output, "*.bin", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order();
        files.Should().Equal(
            Path.Combine("Test", "0", "00001.bin"), Path.Combine("Test", "1", "00000.bin"),
            Path.Combine("Train", "3", "00000.bin"), Path.Combine("Train", "7", "00001.bin"));
        var parsed = Directory.GetFiles(output, "*.bin", SearchOption.AllDirectories).Select(f => NMnistEventFile.Read(f, 34, 34)).ToArray();
        parsed.Should().OnlyContain(events => events.Count > 0);
        parsed.Sum(events => (long)events.Count).Should().Be(conversion.Events);
        new NMnistLayout(34, 34, 10).List(output, EventDatasetSplit.Train, 0).Select(r => (int)r.Labels.Single()).Should().Equal(3, 7);

        var again = folder.Combine("second");
        SaccadeConverter.Convert(images, again, new SaccadeSettings(Seed: 4), limit: 2);
        foreach (var file in files)
            File.ReadAllBytes(Path.Combine(again, file)).Should().Equal(File.ReadAllBytes(Path.Combine(output, file)), file);
    }

    /// <summary>28 × 28 images, each a white square at an offset of its index, with the given labels.</summary>
    private static ImageDataset Images(byte[] labels)
    {
        var pixels = new byte[labels.Length * 28 * 28];
        for (var i = 0; i < labels.Length; i++)
        {
            for (var y = 8 + i; y < 16 + i; y++)
            {
                for (var x = 8; x < 16; x++)
                    pixels[(i * 784) + (y * 28) + x] = 255;
            }
        }
        return new ImageDataset(pixels, labels, 1, 28, 28, "squares", DatasetNormalization.Mnist);
    }

    /// <summary>Chebyshev distance of a sensor pixel from the outline of the square on pixels 13..20.</summary>
    private static int EdgeDistance(int x, int y)
    {
        var inside = x is >= 13 and <= 20 && y is >= 13 and <= 20;
        return inside
            ? Math.Min(Math.Min(x - 13, 20 - x), Math.Min(y - 13, 20 - y))
            : Math.Max(Math.Max(13 - x, x - 20), Math.Max(13 - y, y - 20));
    }
}

using Neuromorph.Data;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class EventDatasetLoaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public EventDatasetLoaderTests()
    {
        folder.Write("nmnist/Train/0/00000.bin", EventBytes.NMnist((0, 0, true, 0), (1, 1, false, 10), (1, 1, false, 20)));
        folder.Write("nmnist/Train/1/00000.bin", EventBytes.NMnist((33, 33, true, 5)));
        folder.Write("nmnist/Train/0/00001.bin", EventBytes.NMnist((2, 3, true, 7)));
        folder.Write("nmnist/Test/4/00000.bin", EventBytes.NMnist((3, 3, true, 1)));
    }

    public void Dispose() => folder.Dispose();

    private string Source => folder.Combine("nmnist");

    private string CacheDirectory => folder.Combine("cache");

    private EventDatasetRequest Request(int timesteps = 1, FrameSplit split = FrameSplit.Number, int size = 34, int trainLimit = 0) => new(
        EventDatasetCatalog.Find(EventDatasetCatalog.NMnistName)!, Source, new FrameSettings(timesteps, split, size, size), 0,
        CacheDirectory, trainLimit);

    /// <summary>A loaded split as the frame dataset it is.</summary>
    private static FrameDataset Frames(ISampleSource split) => (FrameDataset)split;

    [Fact]
    public void Load_IntegratesBothSplits()
    {
        var splits = EventDatasetLoader.Load(Request());

        var train = (FrameDataset)splits.Train;
        train.Labels.Should().Equal(0, 1, 0);
        (train.Timesteps, train.Channels, train.Height, train.Width).Should().Be((1, 2, 34, 34));
        const int plane = 34 * 34;
        // Sample 0: ON at (0,0) once, OFF at (1,1) twice; every other byte 0.
        var first = train.Frames.AsSpan(0, train.SampleSize).ToArray();
        first[plane + 0].Should().Be(1);
        first[(1 * 34) + 1].Should().Be(2);
        first.Sum(count => count).Should().Be(3);
        train.Frames[train.SampleSize + plane + (33 * 34) + 33].Should().Be(1);
        Frames(splits.Test).Labels.Should().Equal(4);
        train.Normalization.Should().Be(new DatasetNormalization(0, 1));
        train.Description.Should().Contain("N-MNIST training split").And.Contain(CacheDirectory);
    }

    [Fact]
    public void Load_SecondTime_ReadsTheCacheWithoutTheRecordings()
    {
        var first = EventDatasetLoader.Load(Request(timesteps: 2));
        Directory.Delete(Source, recursive: true);

        var second = EventDatasetLoader.Load(Request(timesteps: 2));

        Frames(second.Train).Frames.Should().Equal(Frames(first.Train).Frames);
        Frames(second.Train).Labels.Should().Equal(Frames(first.Train).Labels);
        Frames(second.Test).Frames.Should().Equal(Frames(first.Test).Frames);
        Directory.GetFiles(CacheDirectory).Should().HaveCount(2, "one cache per split and no temporary files");
    }

    [Fact]
    public void Load_ChangedSetting_WritesAnotherCacheFile()
    {
        EventDatasetLoader.Load(Request());
        var paths = new[]
        {
            EventDatasetLoader.CachePath(Request(), EventDatasetSplit.Train),
            EventDatasetLoader.CachePath(Request(timesteps: 2), EventDatasetSplit.Train),
            EventDatasetLoader.CachePath(Request(split: FrameSplit.Time), EventDatasetSplit.Train),
            EventDatasetLoader.CachePath(Request(size: 17), EventDatasetSplit.Train),
            EventDatasetLoader.CachePath(Request(), EventDatasetSplit.Test),
            EventDatasetLoader.CachePath(Request() with { Source = folder.Combine("elsewhere") }, EventDatasetSplit.Train),
        };
        paths.Should().OnlyHaveUniqueItems();
        Path.GetFileName(paths[1]).Should().StartWith("nmnist-train-t2-number-34x34-v1-").And.EndWith(".frames");

        var resized = EventDatasetLoader.Load(Request(size: 17));

        File.Exists(paths[3]).Should().BeTrue();
        File.Exists(paths[0]).Should().BeTrue("the first setting's cache stays");
        // (33, 33) -> (⌊33·17/34⌋, ⌊33·17/34⌋) = (16, 16) in the ON channel of the second sample.
        Frames(resized.Train).Frames[resized.Train.SampleSize + (17 * 17) + (16 * 17) + 16].Should().Be(1);
    }

    [Fact]
    public void Load_TruncatedCache_IsDetectedAndRebuilt()
    {
        var expected = Frames(EventDatasetLoader.Load(Request()).Train).Frames;
        var cache = EventDatasetLoader.CachePath(Request(), EventDatasetSplit.Train);
        var length = new FileInfo(cache).Length;
        using (var stream = File.OpenWrite(cache)) stream.SetLength(length - 100);

        var messages = new List<string>();
        var reloaded = EventDatasetLoader.Load(Request(), messages.Add);

        messages.Should().ContainSingle().Which.Should().Be(
            $"integrating 3 N-MNIST training samples into frames (T = 1): {cache} (replacing an invalid cache: it is {length - 100} bytes "
            + $"long, but its header promises {length} (3 samples); it is truncated)");
        Frames(reloaded.Train).Frames.Should().Equal(expected);
        new FileInfo(cache).Length.Should().Be(length);
    }

    [Fact]
    public void Load_TruncatedCacheWithoutRecordings_NamesTheCacheAndTheProblem()
    {
        var loaded = EventDatasetLoader.Load(Request());
        var cache = EventDatasetLoader.CachePath(Request(), EventDatasetSplit.Train);
        var length = new FileInfo(cache).Length;
        using (var stream = File.OpenWrite(cache)) stream.SetLength(length - 1);
        Directory.Delete(Source, recursive: true);

        var act = () => EventDatasetLoader.Load(Request());

        act.Should().Throw<DataException>().WithMessage(
            $"The frame cache '{cache}' is invalid (it is {length - 1} bytes long, but its header promises {length} (3 samples); "
            + $"it is truncated), and rebuilding it failed: Dataset 'nmnist' (N-MNIST) was not found: '{Source}' is not a folder*");
        loaded.Train.Count.Should().Be(3);
    }

    [Fact]
    public void Load_CacheOfAnotherFormat_IsRebuilt()
    {
        EventDatasetLoader.Load(Request());
        var cache = EventDatasetLoader.CachePath(Request(), EventDatasetSplit.Train);
        File.WriteAllBytes(cache, "not a frame cache at all"u8.ToArray());

        FrameCacheFile.TryRead(cache, new FrameCacheKey("nmnist", Source, EventDatasetSplit.Train, Request().Frames, null), 10, 0, out var problem)
            .Should().BeNull();
        problem.Should().Be("it does not start with the frame cache signature NMFRAMES");

        Frames(EventDatasetLoader.Load(Request()).Train).Labels.Should().Equal(0, 1, 0);
    }

    [Fact]
    public void Load_TrainLimit_ReadsTheFirstSamplesOfTheCache()
    {
        var all = EventDatasetLoader.Load(Request());

        var limited = EventDatasetLoader.Load(Request(trainLimit: 2));

        Frames(limited.Train).Labels.Should().Equal(0, 1);
        Frames(limited.Train).Frames.Should().Equal(Frames(all.Train).Frames[..(2 * all.Train.SampleSize)]);
        limited.Train.Description.Should().Contain("first 2 of 3 samples");
        limited.Test.Count.Should().Be(1);
    }

    [Fact]
    public void Load_NoRecordingsAndNoCache_SaysWhereToGetThem()
    {
        var act = () => EventDatasetLoader.Load(Request() with { Source = folder.Combine("absent") });

        act.Should().Throw<DataException>().WithMessage(
            $"Dataset 'nmnist' (N-MNIST) was not found: '{folder.Combine("absent")}' is not a folder, and no frame cache for these "
            + $"settings exists in '{CacheDirectory}'. Point data.path at a folder holding Train/<label>/<id>.bin*garrickorchard.com*");
    }

    [Fact]
    public void Load_CorruptRecording_NamesItAndWritesNoCache()
    {
        folder.Write("nmnist/Train/1/00000.bin", [1, 2, 3]);

        var act = () => EventDatasetLoader.Load(Request());

        act.Should().Throw<DataException>().WithMessage($"'{folder.Combine("nmnist", "Train", "1", "00000.bin")}' is truncated*");
        (Directory.Exists(CacheDirectory) ? Directory.GetFiles(CacheDirectory) : []).Should().BeEmpty("an interrupted integration leaves no cache");
    }
}

using Neuromorph.Data;
using Neuromorph.Data.Events;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Composition;

/// <summary>
/// The <c>[data]</c> table turned into datasets and loaders, the same for <c>train</c>, <c>eval</c>, <c>attack</c> and
/// <c>bench data</c>: image datasets are read (or listed, for <c>image-folder</c>), event datasets integrated into T
/// frames per sample (from their frame cache when it has them). The training loader shuffles and augments (static
/// images only; the validator refuses augmentation of event data), the test loader keeps file order and does not
/// augment; both use <c>data.workers</c> and <c>data.prefetch</c>.
/// </summary>
internal static class ConfiguredData
{
    /// <summary>Both splits of the configured dataset, cut to <c>train_limit</c> and <c>test_limit</c>.</summary>
    /// <param name="data">The validated <c>[data]</c> table.</param>
    /// <param name="timesteps">T, the frames per sample of an event dataset (<c>model.timesteps</c>); images ignore it.</param>
    /// <param name="progress">Told when an event dataset's split is integrated from its recordings (it takes a while).</param>
    /// <exception cref="DataException">The dataset is missing or unreadable.</exception>
    public static DatasetSplits Load(DataSection data, int timesteps, Action<string>? progress = null)
    {
        if (EventDatasetCatalog.Find(data.Dataset) is { } events)
            return LoadEvents(data, events, timesteps, progress);
        var splits = DatasetLocator.FromEnvironment().Load(data.Dataset, data.Path, data.ImageSize);
        var train = data.TrainLimit > 0 ? splits.Train.Take(data.TrainLimit) : splits.Train;
        var test = data.TestLimit > 0 ? splits.Test.Take(data.TestLimit) : splits.Test;
        return new DatasetSplits(train, test);
    }

    /// <summary>Shuffled, augmented training batches of <c>data.batch_size</c>.</summary>
    public static BatchLoader TrainingBatches(ISampleSource train, DataSection data, long seed, int? batchSize = null, bool dropLast = false) =>
        new(train, batchSize ?? data.BatchSize, shuffle: true, seed, data.Prefetch, dropLast, data.Workers, data.BindAugment().ToSettings());

    /// <summary>Test batches in file order, of <c>data.test_batch_size</c> unless <paramref name="batchSize"/> is given.</summary>
    public static BatchLoader TestBatches(ISampleSource test, DataSection data, long seed, int? batchSize = null, bool dropLast = false) =>
        new(test, batchSize ?? data.TestBatchSize, shuffle: false, seed, data.Prefetch, dropLast, data.Workers);

    /// <summary>An event dataset as T frames per sample, from its frame cache when it has one (the limits are applied while reading).</summary>
    private static DatasetSplits LoadEvents(DataSection data, EventDatasetDescriptor dataset, int timesteps, Action<string>? progress)
    {
        var events = EventsSection.Bind(data.Events);
        var size = events.FrameSize(dataset);
        var request = new EventDatasetRequest(
            dataset,
            EventDatasetSource.Folder(dataset, data.Path),
            new FrameSettings(timesteps, events.FramesSplit, size, size),
            events.SplitSeed,
            string.IsNullOrWhiteSpace(events.CacheDir) ? FrameCacheLocation.Default() : Path.GetFullPath(events.CacheDir),
            data.TrainLimit,
            data.TestLimit);
        return EventDatasetLoader.Load(request, progress);
    }
}

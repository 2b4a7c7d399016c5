using Neuromorph.Engine.Data;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Composition;

/// <summary>
/// The <c>[data]</c> table turned into datasets and loaders, the same for <c>train</c>, <c>eval</c>, <c>attack</c> and
/// <c>bench data</c>: the training loader shuffles and augments, the test loader keeps file order and does not
/// augment; both use <c>data.workers</c> and <c>data.prefetch</c>.
/// </summary>
internal static class ConfiguredData
{
    /// <summary>Both splits of the configured dataset, cut to <c>train_limit</c> and <c>test_limit</c>.</summary>
    /// <exception cref="DataException">The dataset is missing or unreadable.</exception>
    public static DatasetSplits Load(DataSection data)
    {
        var splits = DatasetLocator.FromEnvironment().Load(data.Dataset, data.Path, data.ImageSize);
        var train = data.TrainLimit > 0 ? splits.Train.Take(data.TrainLimit) : splits.Train;
        var test = data.TestLimit > 0 ? splits.Test.Take(data.TestLimit) : splits.Test;
        return new DatasetSplits(train, test);
    }

    /// <summary>Shuffled, augmented training batches of <c>data.batch_size</c>.</summary>
    public static BatchLoader TrainingBatches(IImageSource train, DataSection data, long seed, int? batchSize = null, bool dropLast = false) =>
        new(train, batchSize ?? data.BatchSize, shuffle: true, seed, data.Prefetch, dropLast, data.Workers, data.BindAugment().ToSettings());

    /// <summary>Test batches in file order, of <c>data.test_batch_size</c> unless <paramref name="batchSize"/> is given.</summary>
    public static BatchLoader TestBatches(IImageSource test, DataSection data, long seed, int? batchSize = null, bool dropLast = false) =>
        new(test, batchSize ?? data.TestBatchSize, shuffle: false, seed, data.Prefetch, dropLast, data.Workers);
}

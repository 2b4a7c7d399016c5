using System.Diagnostics;
using Neuromorph.Data;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Tomlyn.Model;

namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// <c>bench data</c>: the training loader that <c>train</c> builds (<see cref="ConfiguredData"/>: shuffled, augmented,
/// <c>workers</c> threads, full batches) timed alone. The consumer takes each batch and hands its arrays back at
/// once, so the figure is what the loader can deliver, not what a training step leaves it time for. Epochs follow
/// each other as needed.
/// </summary>
internal static class DataBenchmark
{
    /// <summary>The <c>[data]</c> table the settings stand for.</summary>
    public static DataSection Section(DataBenchmarkSettings settings) => new(
        Dataset: settings.Dataset,
        Path: string.IsNullOrWhiteSpace(settings.DataPath) ? "" : Path.GetFullPath(settings.DataPath),
        BatchSize: settings.Batch,
        Prefetch: settings.Prefetch,
        Workers: settings.Workers,
        ImageSize: settings.ImageSize,
        Augment: new TomlTable
        {
            ["random_crop_padding"] = (long)settings.RandomCropPadding,
            ["horizontal_flip"] = settings.HorizontalFlip,
            ["cutout"] = (long)settings.Cutout,
            ["autoaugment"] = settings.Autoaugment,
        });

    /// <exception cref="ConfigurationException">A setting is out of range, or the batch is larger than the training split.</exception>
    /// <exception cref="DataException">The dataset is missing or unreadable.</exception>
    public static DataMeasurement Run(DataBenchmarkSettings settings)
    {
        var data = Section(settings);
        var problems = ConfigurationValidator.Problems(RunConfiguration.Default with { Data = data });
        if (problems.Count > 0)
            throw new ConfigurationException(string.Join(" ", problems));
        var train = ConfiguredData.Load(data, RunConfiguration.Default.Model.Timesteps).Train;
        if (train.Count < settings.Batch)
            throw new ConfigurationException(
                $"--batch {settings.Batch} is larger than the training split of {settings.Dataset} ({train.Count} images).");

        using var loader = ConfiguredData.TrainingBatches(train, data, seed: 0, dropLast: true);
        using var batches = new BatchCycle(loader);
        for (var i = 0; i < settings.Warmup; i++)
            batches.Next().Release();
        var samples = 0L;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < settings.Batches; i++)
        {
            var batch = batches.Next();
            samples += batch.Size;
            batch.Release();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        return new DataMeasurement(
            BenchmarkLine.Framework, "data", settings.Dataset, [train.Channels, train.Height, train.Width], train.Count,
            settings.Batch, settings.Workers, settings.Prefetch, settings.RandomCropPadding, settings.HorizontalFlip,
            settings.Cutout, settings.Autoaugment, settings.Batches, settings.Warmup,
            BenchmarkLine.Round(samples / seconds), BenchmarkLine.Round(1000 * seconds / settings.Batches));
    }
}

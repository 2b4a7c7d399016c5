using System.CommandLine;
using Neuromorph.Host.Benchmarks;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>bench data [--dataset cifar10] [--data-path DIR] [--image-size 64] [--batch 128] [--workers 2] [--prefetch 4]
/// [--batches 50] [--warmup 5] [--random-crop-padding P] [--horizontal-flip] [--cutout S] [--autoaugment none|cifar10]</c>:
/// how many samples per second the training loader delivers for a dataset, augmentation and worker count, one JSON line.
/// </summary>
internal static class BenchDataCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new DataBenchmarkSettings();
        var dataset = new Option<string>("--dataset")
        {
            Description = $"The dataset, any data.dataset name (default {defaults.Dataset}).",
            DefaultValueFactory = _ => defaults.Dataset,
        };
        dataset.AcceptOnlyFromAmong([.. DataSection.KnownDatasets]);
        var dataPath = new Option<string>("--data-path")
        {
            Description = "The dataset's folder, as data.path (default: $NEUROMORPH_DATA, then /usr/share/datasets/<dataset>).",
            DefaultValueFactory = _ => "",
        };
        var imageSize = BenchOptions.AtLeast("--image-size", 4, defaults.ImageSize, "The side image-folder images are resized to");
        var batch = BenchOptions.AtLeast("--batch", 1, defaults.Batch, "Samples per batch");
        var workers = BenchOptions.AtLeast("--workers", 1, defaults.Workers, "Loader threads");
        var prefetch = BenchOptions.AtLeast("--prefetch", 1, defaults.Prefetch, "Batches ready ahead of the consumer");
        var batches = BenchOptions.AtLeast("--batches", 1, defaults.Batches, "Timed batches");
        var warmup = BenchOptions.AtLeast("--warmup", 0, defaults.Warmup, "Untimed batches first");
        var padding = BenchOptions.AtLeast("--random-crop-padding", 0, defaults.RandomCropPadding, "Random crop padding, as data.augment.random_crop_padding");
        var flip = new Option<bool>("--horizontal-flip") { Description = "Random horizontal flips, as data.augment.horizontal_flip." };
        var cutout = BenchOptions.AtLeast("--cutout", 0, defaults.Cutout, "Cutout square side, as data.augment.cutout");
        var autoaugment = new Option<string>("--autoaugment")
        {
            Description = $"AutoAugment policy, as data.augment.autoaugment (default {defaults.Autoaugment}).",
            DefaultValueFactory = _ => defaults.Autoaugment,
        };
        autoaugment.AcceptOnlyFromAmong([.. AugmentSection.KnownPolicies]);
        var command = new Command("data", "Samples per second the training loader delivers (decoding, augmentation, workers).")
        {
            dataset, dataPath, imageSize, batch, workers, prefetch, batches, warmup, padding, flip, cutout, autoaugment,
        };
        command.SetAction(parse =>
        {
            try
            {
                var settings = new DataBenchmarkSettings(
                    parse.GetValue(dataset)!, parse.GetValue(dataPath)!, parse.GetValue(imageSize), parse.GetValue(batch),
                    parse.GetValue(workers), parse.GetValue(prefetch), parse.GetValue(batches), parse.GetValue(warmup),
                    parse.GetValue(padding), parse.GetValue(flip), parse.GetValue(cutout), parse.GetValue(autoaugment)!);
                BenchmarkLine.Write(output, DataBenchmark.Run(settings));
                return ExitCodes.Success;
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }
}

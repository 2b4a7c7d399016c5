using System.CommandLine;
using System.Globalization;
using Neuromorph.Data;
using Neuromorph.Data.Events;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>data saccade --dataset fashion-mnist --out DIR [--data-path DIR] [--limit N] [--threshold 0.2] [--seed 0]</c>:
/// converts an image dataset into event streams by simulating the saccades N-MNIST was recorded with
/// (<see cref="SaccadeConverter"/>), written in N-MNIST's format and layout. The folder then trains as
/// <c>data.dataset = "saccade-fashion-mnist"</c> (or <c>"saccade-mnist"</c>) with <c>data.path</c> set to it.
/// </summary>
internal static class DataSaccadeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new SaccadeSettings();
        var dataset = new Option<string>("--dataset")
        {
            Description = $"The image dataset to convert (default {DatasetCatalog.FashionMnistName}).",
            DefaultValueFactory = _ => DatasetCatalog.FashionMnistName,
        };
        dataset.AcceptOnlyFromAmong([.. EventDatasetCatalog.SaccadeSources]);
        var outputFolder = new Option<string>("--out")
        {
            Description = "The folder to write Train/<label>/<index>.bin and Test/<label>/<index>.bin into (new or without Train/ and Test/).",
            Required = true,
        };
        var dataPath = new Option<string>("--data-path")
        {
            Description = "The image dataset's folder (default: $NEUROMORPH_DATA, then /usr/share/datasets/<dataset>).",
            DefaultValueFactory = _ => "",
        };
        var limit = BenchOptions.AtLeast("--limit", 0, 0, "Convert only the first N images of each split; 0 converts all");
        var threshold = new Option<double>("--threshold")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"The log-intensity change that makes a pixel emit an event (default {defaults.Threshold})."),
            DefaultValueFactory = _ => defaults.Threshold,
        };
        threshold.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0 && double.IsFinite(value)))
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--threshold must be a finite number > 0, got {value}."));
        });
        var seed = new Option<long>("--seed")
        {
            Description = "Seeds the per-pixel threshold mismatch: the same seed writes the same files (default 0).",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("saccade", "Convert an image dataset into N-MNIST-format event files by simulating saccades.")
        {
            dataset, outputFolder, dataPath, limit, threshold, seed,
        };
        command.SetAction(parse =>
        {
            try
            {
                var settings = defaults with { Threshold = parse.GetValue(threshold), Seed = parse.GetValue(seed) };
                Convert(parse.GetValue(dataset)!, parse.GetValue(outputFolder)!, parse.GetValue(dataPath)!, parse.GetValue(limit), settings, output);
                return ExitCodes.Success;
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    private static void Convert(string dataset, string outputFolder, string dataPath, int limit, SaccadeSettings settings, TextWriter output)
    {
        var folder = Path.GetFullPath(outputFolder);
        var existing = new[] { "Train", "Test" }.Where(split => Directory.Exists(Path.Combine(folder, split))).ToArray();
        if (existing.Length > 0)
            throw new ConfigurationException(
                $"--out '{folder}' already holds {string.Join(" and ", existing.Select(split => split + "/"))}, perhaps from an earlier "
                + "conversion; choose a new folder or delete them (their files would otherwise mix with the new ones).");
        var images = DatasetLocator.FromEnvironment().Load(dataset, string.IsNullOrWhiteSpace(dataPath) ? null : dataPath);
        var conversion = SaccadeConverter.Convert(images, folder, settings, limit);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {conversion.TrainFiles} training and {conversion.TestFiles} test event files ({conversion.Events:N0} events, "
            + $"{conversion.SensorWidth}x{conversion.SensorHeight} sensor) to {folder}"));
        output.WriteLine(
            $"train on them with: --set data.dataset=\"{EventDatasetCatalog.SaccadeNameFor(dataset)}\" --set data.path=\"{folder}\"");
    }
}

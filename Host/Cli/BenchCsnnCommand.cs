using System.CommandLine;
using Neuromorph.Data;
using Neuromorph.Host.Benchmarks;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>bench csnn [--batch 128] [--timesteps 4] [--threads 2] [--scheme none|strong2weak] [--iterations N]
/// [--warmup N] [--dataset fashion-mnist] [--data-path DIR] [--spike-count-stride 4]
/// [--tensorboard-every 0]</c>: training and evaluation throughput of <c>csnn</c> and the peak
/// resident memory, one JSON line.
/// </summary>
internal static class BenchCsnnCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new CsnnBenchmarkSettings();
        var batch = BenchOptions.AtLeast("--batch", 1, defaults.Batch, "Samples per mini-batch, training and evaluation");
        var timesteps = BenchOptions.AtLeast("--timesteps", 1, defaults.Timesteps, "T");
        var threads = BenchOptions.Threads();
        var scheme = new Option<string>("--scheme")
        {
            Description = $"Distillation scheme: none or a scheme plugin such as strong2weak (default {defaults.Scheme}).",
            DefaultValueFactory = _ => defaults.Scheme,
        };
        var spikeCountStride = BenchOptions.AtLeast(
            "--spike-count-stride", 0, defaults.SpikeCountStride,
            "Training counts the spikes of every N-th sample of a batch, as runs do; 0 counts none (the difference is what counting costs)");
        var tensorBoardEvery = BenchOptions.AtLeast(
            "--tensorboard-every", 0, defaults.TensorBoardEvery,
            "Training writes the iteration's TensorBoard events every N-th step, as runs do every run.log_every iterations; 0 writes none (the difference is what writing costs)");
        var iterations = BenchOptions.AtLeast("--iterations", 1, defaults.Iterations, "Timed mini-batches per phase");
        var warmup = BenchOptions.AtLeast("--warmup", 0, defaults.Warmup, "Untimed mini-batches before each phase");
        var dataset = new Option<string>("--dataset")
        {
            Description = $"Where the batches come from (default {defaults.Dataset}; {DatasetCatalog.EmbeddedFashionMnistName} needs no files).",
            DefaultValueFactory = _ => defaults.Dataset,
        };
        // The measured network and its FLOP count are Fashion-MNIST's (1x28x28): the MNIST-style datasets only.
        dataset.AcceptOnlyFromAmong(DatasetCatalog.EmbeddedFashionMnistName, DatasetCatalog.FashionMnistName, DatasetCatalog.MnistName);
        var dataPath = new Option<string>("--data-path")
        {
            Description = "The dataset's folder (default: $NEUROMORPH_DATA, then /usr/share/datasets/<dataset>).",
            DefaultValueFactory = _ => "",
        };
        var command = new Command("csnn", "Training and evaluation throughput of the csnn network of config/fashion-mnist.toml.")
        {
            batch, timesteps, threads, scheme, iterations, warmup, dataset, dataPath, spikeCountStride, tensorBoardEvery,
        };
        command.SetAction(parse =>
        {
            try
            {
                var settings = new CsnnBenchmarkSettings(
                    parse.GetValue(batch), parse.GetValue(timesteps), parse.GetValue(threads), parse.GetValue(scheme)!,
                    parse.GetValue(iterations), parse.GetValue(warmup), parse.GetValue(dataset)!, parse.GetValue(dataPath)!,
                    parse.GetValue(spikeCountStride), parse.GetValue(tensorBoardEvery));
                BenchmarkLine.Write(output, CsnnBenchmark.Run(settings));
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

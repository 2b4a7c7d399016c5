using System.CommandLine;
using Neuromorph.Host.Benchmarks;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>bench model [--model resnet19] [--input 3x32x32] [--classes 10] [--width N] [--norm bn|tdbn] [--batch 64]
/// [--timesteps 4] [--threads 2] [--scheme none] [--iterations 5] [--warmup 1]</c>: the time of one training step of a
/// zoo model on random inputs, as one JSON line.
/// </summary>
internal static class BenchModelCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new ModelBenchmarkSettings();
        var model = new Option<string>("--model")
        {
            Description = $"The architecture, as model.name (default {defaults.Model}; 'neuromorph models' lists them).",
            DefaultValueFactory = _ => defaults.Model,
        };
        var input = InputShape.Option(string.Join('x', defaults.Input));
        var classes = BenchOptions.AtLeast("--classes", 1, defaults.Classes, "Classes");
        var width = BenchOptions.AtLeast("--width", 0, defaults.Width, "Base width of the VGG and ResNet models; 0 uses the published width");
        var norm = new Option<string>("--norm") { Description = "bn or tdbn (default bn).", DefaultValueFactory = _ => defaults.Norm };
        norm.AcceptOnlyFromAmong([.. ModelSection.KnownNorms]);
        var batch = BenchOptions.AtLeast("--batch", 1, defaults.Batch, "Samples per mini-batch");
        var timesteps = BenchOptions.AtLeast("--timesteps", 1, defaults.Timesteps, "T");
        var threads = BenchOptions.Threads();
        var scheme = new Option<string>("--scheme")
        {
            Description = "Distillation scheme: none or a scheme plugin with its default options (default none).",
            DefaultValueFactory = _ => defaults.Scheme,
        };
        var iterations = BenchOptions.AtLeast("--iterations", 1, defaults.Iterations, "Timed training steps");
        var warmup = BenchOptions.AtLeast("--warmup", 0, defaults.Warmup, "Untimed training steps first");
        var command = new Command("model", "Time one training step of a zoo model on random inputs of a given shape.")
        {
            model, input, classes, width, norm, batch, timesteps, threads, scheme, iterations, warmup,
        };
        command.SetAction(parse =>
        {
            try
            {
                var settings = new ModelBenchmarkSettings(
                    parse.GetValue(model)!, InputShape.Parse(parse.GetValue(input)!), parse.GetValue(classes), parse.GetValue(width),
                    parse.GetValue(norm)!, parse.GetValue(batch), parse.GetValue(timesteps), parse.GetValue(threads),
                    parse.GetValue(scheme)!, parse.GetValue(iterations), parse.GetValue(warmup));
                BenchmarkLine.Write(output, ModelBenchmark.Run(settings));
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

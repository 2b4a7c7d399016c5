using System.CommandLine;
using Neuromorph.Host.Benchmarks;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>bench lif [--sizes 512,2048] [--timesteps 500] [--batch 16] [--threads 2] [--repeats N]</c>: forward and
/// forward+backward time of Linear(n, n) → LIF over T timesteps, one JSON line per size.
/// </summary>
internal static class BenchLifCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new LifBenchmarkSettings([512, 2048]);
        var sizes = new Option<string>("--sizes")
        {
            Description = $"Layer widths n, comma-separated (default {string.Join(',', defaults.Sizes)}).",
            DefaultValueFactory = _ => string.Join(',', defaults.Sizes),
        };
        sizes.Validators.Add(result =>
        {
            try
            {
                SizeList.Parse(result.GetValueOrDefault<string>() ?? "");
            }
            catch (Configuration.ConfigurationException exception)
            {
                result.AddError(exception.Message);
            }
        });
        var timesteps = BenchOptions.AtLeast("--timesteps", 1, defaults.Timesteps, "T");
        var batch = BenchOptions.AtLeast("--batch", 1, defaults.Batch, "Samples per sequence");
        var threads = BenchOptions.Threads();
        var repeats = BenchOptions.AtLeast("--repeats", 1, defaults.Repeats, "Timed repeats per pass; the median is reported");
        var command = new Command("lif", "Forward and forward+backward time of Linear(n, n) -> LIF over T timesteps.")
        {
            sizes, timesteps, batch, threads, repeats,
        };
        command.SetAction(parse =>
        {
            try
            {
                var settings = new LifBenchmarkSettings(
                    SizeList.Parse(parse.GetValue(sizes)!), parse.GetValue(timesteps), parse.GetValue(batch),
                    parse.GetValue(threads), parse.GetValue(repeats));
                LifBenchmark.Run(settings, measurement => BenchmarkLine.Write(output, measurement));
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

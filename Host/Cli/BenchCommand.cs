using System.CommandLine;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>bench csnn|lif|data [options]</c>: speed measurements, each printed as one JSON line on standard output
/// (<c>bench/compare.sh</c> runs them beside the PyTorch reference in <c>bench/pytorch/</c>). Nothing is
/// written to disk.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("bench", "Measure training, evaluation and data loading speed; one JSON line per measurement.")
        {
            BenchCsnnCommand.Create(output, error),
            BenchLifCommand.Create(output, error),
            BenchModelCommand.Create(output, error),
            BenchDataCommand.Create(output, error),
        };
}

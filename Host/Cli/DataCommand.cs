using System.CommandLine;

namespace Neuromorph.Host.Cli;

/// <summary><c>data saccade ...</c>: dataset preparation tools.</summary>
internal static class DataCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("data", "Prepare datasets.")
        {
            DataSaccadeCommand.Create(output, error),
        };
}

using System.CommandLine;

namespace Neuromorph.Host.Cli;

/// <summary><c>data fetch ...</c> and <c>data saccade ...</c>: getting and preparing datasets.</summary>
internal static class DataCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("data", "Get and prepare datasets.")
        {
            DataFetchCommand.Create(output, error),
            DataSaccadeCommand.Create(output, error),
        };
}

using System.CommandLine;
using System.CommandLine.Parsing;

namespace Neuromorph.Host.Cli;

/// <summary>
/// The <c>neuromorph</c> command line: <c>train</c>, <c>eval</c>, <c>attack</c>, <c>plot</c>, <c>plugins</c>, <c>bench</c>, <c>data</c>, <c>models</c> and <c>sweep</c>. Usage errors print the
/// problem and the help hint and exit with code 2; every other failure is mapped by <see cref="ErrorReport"/>.
/// </summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var (root, verbose) = Root(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // An unknown verb makes System.CommandLine say "Required command was not provided" first, then flag every word.
            if (UnknownVerb(root, parsed) is { } unknown) error.WriteLine($"error: {unknown}");
            else foreach (var problem in parsed.Errors) error.WriteLine($"error: {problem.Message}");
            error.WriteLine("Run 'neuromorph --help' (or 'dotnet run --project Host -c Release -- --help') for usage.");
            return ExitCodes.UsageError;
        }
        ErrorReport.Verbose = parsed.GetValue(verbose);
        // Signals are handled where a command has something to save (train's StopSignal); elsewhere they end the
        // process as usual, which is safe because every file is written by rename.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(configuration);
    }

    /// <summary>What is wrong with <paramref name="args"/> as a command line (nothing is run), e.g. for a sweep's after-steps.</summary>
    public static IReadOnlyList<string> Problems(string[] args) =>
        Root(TextWriter.Null, TextWriter.Null).Root.Parse(args).Errors.Select(e => e.Message).ToArray();

    private static (RootCommand Root, Option<bool> Verbose) Root(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Neuromorph: train and evaluate spiking neural networks with temporal self-distillation.")
        {
            TrainCommand.Create(output, error),
            EvalCommand.Create(output, error),
            AttackCommand.Create(output, error),
            PlotCommand.Create(output, error),
            PluginsCommand.Create(output, error),
            BenchCommand.Create(output, error),
            DataCommand.Create(output, error),
            ModelsCommand.Create(output, error),
            SweepCommand.Create(output, error),
        };
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces with errors (for bug reports).", Recursive = true };
        root.Options.Add(verbose);
        return (root, verbose);
    }

    /// <summary>What is wrong when the first word is not a verb (naming the nearest one), or null when it is one.</summary>
    private static string? UnknownVerb(RootCommand root, ParseResult parsed)
    {
        if (parsed.CommandResult.Command != root || parsed.Tokens.Count == 0 || parsed.Tokens[0].Type != TokenType.Argument)
            return null;
        var word = parsed.Tokens[0].Value;
        var verbs = root.Subcommands.Select(command => command.Name).ToArray();
        var nearest = Plugins.NearestName.Find(word, verbs);
        return $"'{word}' is not a command{(nearest is null ? "." : $": did you mean '{nearest}'?")} The commands are {string.Join(", ", verbs)}.";
    }
}

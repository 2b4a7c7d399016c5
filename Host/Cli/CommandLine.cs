using System.CommandLine;

namespace Neuromorph.Host.Cli;

/// <summary>
/// The <c>neuromorph</c> command line: <c>train</c>, <c>eval</c>, <c>attack</c>, <c>plugins</c>, <c>bench</c> and <c>data</c>. Usage errors print the
/// problem and the help hint and exit with code 2; every other failure is mapped by <see cref="ErrorReport"/>.
/// </summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Neuromorph: train and evaluate spiking neural networks with temporal self-distillation.")
        {
            TrainCommand.Create(output, error),
            EvalCommand.Create(output, error),
            AttackCommand.Create(output, error),
            PluginsCommand.Create(output, error),
            BenchCommand.Create(output, error),
            DataCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) error.WriteLine($"error: {problem.Message}");
            error.WriteLine("Run 'neuromorph --help' (or 'dotnet run --project Host -c Release -- --help') for usage.");
            return ExitCodes.UsageError;
        }
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parsed.InvokeAsync(configuration);
    }
}

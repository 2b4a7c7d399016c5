using System.CommandLine;
using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Cli;

/// <summary><c>train &lt;config.toml&gt; [--set section.key=value]... [--run-dir DIR] [--resume]</c>.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<string>("config") { Description = "The run's TOML configuration file." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a configuration key, e.g. --set model.timesteps=2 (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var runDir = new Option<string?>("--run-dir") { Description = "Where the run's files go (default runs/<run.name>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --run-dir (or runs/<run.name>) from its last checkpoint." };
        var command = new Command("train", "Train a spiking network as the configuration says.") { config, set, runDir, resume };
        command.SetAction((parse, cancellation) =>
        {
            var request = new TrainRequest(
                parse.GetValue(config)!,
                parse.GetValue(set) ?? [],
                parse.GetValue(runDir),
                parse.GetValue(resume));
            return TrainingHost.RunAsync(request, output, error);
        });
        return command;
    }
}

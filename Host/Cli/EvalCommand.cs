using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>eval &lt;run-dir&gt; [--checkpoint best|last]</c>: rebuilds the run's network from its recorded
/// configuration, loads a checkpoint, measures test accuracy (mean over T and with the first k timesteps),
/// prints a table and writes <c>evaluation.json</c> in the run directory.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runDir = new Argument<string>("run-dir") { Description = "A run directory written by 'train'." };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Which checkpoint to evaluate: best (default) or last.", DefaultValueFactory = _ => "best" };
        checkpoint.AcceptOnlyFromAmong("best", "last");
        var command = new Command("eval", "Evaluate a trained run on its test set.") { runDir, checkpoint };
        command.SetAction(parse =>
        {
            try
            {
                return Evaluate(parse.GetValue(runDir)!, parse.GetValue(checkpoint)!, output);
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    private static int Evaluate(string path, string which, TextWriter output)
    {
        var runDirectory = new RunDirectory(path);
        if (!Directory.Exists(runDirectory.Path))
            throw new CheckpointException($"Run directory '{runDirectory.Path}' does not exist.");
        if (!File.Exists(runDirectory.ConfigPath))
            throw new CheckpointException($"'{runDirectory.Path}' is not a run directory: it has no config.toml.");
        var checkpointPath = which == "last" || !File.Exists(runDirectory.BestCheckpointPath)
            ? runDirectory.LastCheckpointPath
            : runDirectory.BestCheckpointPath;
        var configuration = ConfigurationLoader.Load(runDirectory.ConfigPath, []);
        using var experiment = ExperimentFactory.Create(configuration);
        var header = CheckpointFile.Read(checkpointPath, experiment.Network, optimizer: null);
        using var batches = experiment.CreateTestBatches();
        var result = Evaluator.Evaluate(experiment.Network, batches);

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"{experiment.Description.Model} ({experiment.Description.Neuron}, T = {experiment.Network.Timesteps}) from {checkpointPath} (after {header.GlobalIteration} iterations)");
        output.WriteLine(string.Create(inv, $"  test accuracy (mean over T)  {result.Accuracy:F4} on {result.Samples} images"));
        for (var k = 0; k < result.AccuracyAtTimesteps.Length; k++)
            output.WriteLine(string.Create(inv, $"  first {k + 1} timestep{(k == 0 ? " " : "s")}            {result.AccuracyAtTimesteps[k]:F4}"));
        var report = new { checkpoint = Path.GetFileName(checkpointPath), samples = result.Samples, test_accuracy = result.Accuracy, test_accuracy_at_timesteps = result.AccuracyAtTimesteps };
        AtomicFile.WriteAllText(Path.Combine(runDirectory.Path, "evaluation.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return ExitCodes.Success;
    }
}

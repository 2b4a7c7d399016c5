using System.CommandLine;
using System.Globalization;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plotting;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Cli;

/// <summary>
/// <c>eval &lt;run-dir&gt; [--checkpoint best|last] [--timesteps k] [--early-exit θ]...</c>: rebuilds the run's
/// network from its recorded configuration, loads a checkpoint, and in one pass over the test set measures
/// accuracy (mean over T and with the first k timesteps), early-exit accuracy and mean timesteps for
/// each θ, and each neuron layer's firing rates, from which with the traced fan-out (<see cref="SynapticFanOut"/>) come
/// the synaptic operations per sample. Prints tables and writes <c>evaluation.json</c> (<c>evaluation-t{k}.json</c> with
/// <c>--timesteps k</c>) in the run directory, and redraws the run's figures.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runDir = TrainedRun.RunDirArgument();
        var checkpoint = TrainedRun.CheckpointOption("evaluate");
        var timesteps = new Option<int?>("--timesteps")
        {
            Description = "Simulate only the first k timesteps (1 <= k <= the run's T): low-latency accuracy.",
        };
        var earlyExit = new Option<double[]>("--early-exit")
        {
            Description = "Early-exit threshold θ (0 < θ <= 1): a sample stops at the first timestep whose running-mean softmax reaches θ (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        earlyExit.Validators.Add(result =>
        {
            // Tokens that are not numbers are reported by the parser itself; this checks the range of the rest.
            foreach (var token in result.Tokens)
                if (double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) && !(threshold > 0 && threshold <= 1))
                    result.AddError($"--early-exit {token.Value} is out of range: a threshold θ must satisfy 0 < θ <= 1 (e.g. --early-exit 0.9).");
        });
        var command = new Command("eval", "Evaluate a trained run on its test set.") { runDir, checkpoint, timesteps, earlyExit };
        command.SetAction(parse =>
        {
            try
            {
                var request = new EvalRequest(parse.GetValue(runDir)!, parse.GetValue(checkpoint)!, parse.GetValue(timesteps), parse.GetValue(earlyExit) ?? []);
                return Evaluate(request, output);
            }
            catch (Exception exception)
            {
                return ErrorReport.Write(exception, error);
            }
        });
        return command;
    }

    private static int Evaluate(EvalRequest request, TextWriter output)
    {
        var (runDirectory, checkpointPath) = TrainedRun.Open(request.RunDir, request.Checkpoint);
        var configuration = ConfigurationLoader.Load(runDirectory.ConfigPath, []);
        using var experiment = ExperimentFactory.Create(configuration);
        var network = experiment.Network;
        var trainedTimesteps = network.Timesteps;
        if (request.Timesteps is { } k && (k < 1 || k > trainedTimesteps))
            throw new ConfigurationException(
                $"--timesteps {k} is out of range: the run in '{runDirectory.Path}' has T = {trainedTimesteps}, so k must be between 1 and {trainedTimesteps}.");
        var header = TrainedRun.Load(checkpointPath, experiment, output);
        // The network is causal: simulating k timesteps gives exactly the first k timesteps' outputs.
        network.Timesteps = request.Timesteps ?? trainedTimesteps;
        using var batches = experiment.CreateTestBatches();
        var result = Evaluator.Evaluate(network, batches, earlyExitThresholds: request.EarlyExitThresholds);
        var fanOut = SynapticFanOut.Trace(network);

        var title = $"{experiment.Description.Model} ({experiment.Description.Neuron}, T = {trainedTimesteps}) from {checkpointPath} (after {header.GlobalIteration} iterations)";
        EvaluationTable.Write(output, title, trainedTimesteps, result);
        output.WriteLine();
        FiringTable.Write(output, result.Firing, fanOut);
        EvaluationReport.From(checkpointPath, result, fanOut).Write(runDirectory, request.Timesteps);
        AutomaticPlots.Draw(runDirectory.Path, [], output);
        return ExitCodes.Success;
    }
}

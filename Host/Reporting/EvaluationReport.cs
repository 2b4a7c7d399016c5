using Neuromorph.Data;
using System.Text.Json;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// The contents of <c>evaluation.json</c> (or <c>evaluation-t{k}.json</c> for a low-latency evaluation):
/// which checkpoint, on how many samples, the accuracy of the mean over the <see cref="Timesteps"/>
/// simulated, of the first k of them, and of each early-exit threshold with its mean timesteps used; the firing rates of
/// the neuron layers and the synaptic operations per sample they cost.
/// </summary>
internal sealed record EvaluationReport(
    string Checkpoint,
    int Samples,
    double TestAccuracy,
    double[] TestAccuracyAtTimesteps,
    int Timesteps,
    IReadOnlyList<EarlyExitReport> EarlyExit)
{
    private static readonly JsonSerializerOptions Json = new(RunDirectory.Json) { WriteIndented = true };

    /// <summary>Each neuron layer's mean spike rate on the test set at each timestep: layer → [T]. Empty in files written before it existed.</summary>
    public IReadOnlyDictionary<string, double[]> TestFiringRates { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Each neuron layer's fan-out: the synaptic operations one of its spikes causes (see <see cref="SynapticFanOut"/>).</summary>
    public IReadOnlyDictionary<string, double> FanOut { get; init; } = new Dictionary<string, double>();

    /// <summary>Each neuron layer's synaptic operations per test sample: its spikes per sample × its fan-out.</summary>
    public IReadOnlyDictionary<string, double> SynopsPerSampleByLayer { get; init; } = new Dictionary<string, double>();

    /// <summary>The network's synaptic operations per test sample, over the timesteps simulated: the sum over its layers.</summary>
    public double SynopsPerSample { get; init; }

    public static EvaluationReport From(string checkpointPath, EvaluationResult result, SynapticFanOut fanOut)
    {
        var operations = fanOut.OperationsPerSample(result.Firing);
        return new EvaluationReport(
            Path.GetFileName(checkpointPath),
            result.Samples,
            result.Accuracy,
            result.AccuracyAtTimesteps,
            result.Timesteps,
            result.EarlyExit.Select(e => new EarlyExitReport(e.Threshold, e.Accuracy, e.MeanTimesteps)).ToArray())
        {
            TestFiringRates = result.Firing.Rates(),
            FanOut = operations.Keys.ToDictionary(layer => layer, fanOut.Of),
            SynopsPerSampleByLayer = operations,
            SynopsPerSample = operations.Values.Sum(),
        };
    }

    /// <summary>
    /// <c>evaluation.json</c> for the default evaluation; <c>evaluation-t{k}.json</c> when the timesteps were
    /// chosen with <c>--timesteps k</c>, so a low-latency evaluation never replaces the default one.
    /// </summary>
    public static string FileName(int? chosenTimesteps) =>
        chosenTimesteps is { } k ? $"evaluation-t{k}.json" : "evaluation.json";

    public void Write(RunDirectory runDirectory, int? chosenTimesteps) =>
        AtomicFile.WriteAllText(Path.Combine(runDirectory.Path, FileName(chosenTimesteps)), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads an evaluation file (<c>sweep report</c> reads each run's).</summary>
    /// <exception cref="JsonException">The file does not read as an evaluation.</exception>
    public static EvaluationReport Read(string path) =>
        JsonSerializer.Deserialize<EvaluationReport>(File.ReadAllText(path), Json) ?? throw new JsonException("the file holds null");
}

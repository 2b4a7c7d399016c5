using Neuromorph.Data;
using System.Text.Json;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// The contents of <c>evaluation.json</c> (or <c>evaluation-t{k}.json</c> for a low-latency evaluation):
/// which checkpoint, on how many samples, the accuracy of the mean over the <see cref="Timesteps"/>
/// simulated, of the first k of them, and of each early-exit threshold with its mean timesteps used.
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

    public static EvaluationReport From(string checkpointPath, EvaluationResult result) => new(
        Path.GetFileName(checkpointPath),
        result.Samples,
        result.Accuracy,
        result.AccuracyAtTimesteps,
        result.Timesteps,
        result.EarlyExit.Select(e => new EarlyExitReport(e.Threshold, e.Accuracy, e.MeanTimesteps)).ToArray());

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

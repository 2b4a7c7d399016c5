using Neuromorph.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Tomlyn.Model;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// The contents of <c>robustness.json</c>: which checkpoint, on how many test samples, clean accuracy, every
/// attack's robust accuracy with its norm, budget, settings and time, and the per-sample worst case per (norm, ε).
/// </summary>
internal sealed record RobustnessReport(
    string Checkpoint,
    long Iteration,
    int Timesteps,
    int Samples,
    double CleanAccuracy,
    IReadOnlyList<AttackReport> Attacks,
    IReadOnlyList<WorstCaseReport> WorstCase)
{
    public const string FileName = "robustness.json";

    private static readonly JsonSerializerOptions Json = new(RunDirectory.Json)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(NormNames.Policy, allowIntegerValues: false) },
    };

    public static RobustnessReport From(
        string checkpoint, long iteration, int timesteps, RobustnessResult result, IReadOnlyList<ConfiguredAttack> attacks)
    {
        var reports = result.Outcomes.Select((outcome, i) => new AttackReport(
            outcome.Run.Name, outcome.Run.Budget.Norm, outcome.Run.Budget.Epsilon, attacks[i].Surrogate, Plain(attacks[i].Options),
            outcome.Samples, outcome.Accuracy, outcome.Seconds, outcome.MaxLinf, outcome.MaxL2, outcome.MeanL2, outcome.Error)).ToArray();
        var worstCases = result.WorstCases().Select(worst => new WorstCaseReport(
            worst.Budget.Norm, worst.Budget.Epsilon, worst.Outcomes.Select(o => o.Run.Label).ToArray(), worst.Accuracy)).ToArray();
        return new RobustnessReport(checkpoint, iteration, timesteps, result.Samples, result.CleanAccuracy, reports, worstCases);
    }

    private static Dictionary<string, object?> Plain(TomlTable table) =>
        table.ToDictionary(pair => pair.Key, pair => Plain(pair.Value));

    private static object? Plain(object? value) => value switch
    {
        TomlTable table => Plain(table),
        TomlArray array => array.Select(Plain).ToArray(),
        _ => value,
    };

    /// <summary>Writes the report to <paramref name="path"/> atomically (a reader never sees half a file).</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads a robustness report (<c>sweep report</c> reads each run's).</summary>
    /// <exception cref="JsonException">The file does not read as a robustness report.</exception>
    public static RobustnessReport Read(string path) =>
        JsonSerializer.Deserialize<RobustnessReport>(File.ReadAllText(path), Json) ?? throw new JsonException("the file holds null");
}

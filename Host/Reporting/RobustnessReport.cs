using Neuromorph.Data;
using System.Text.Json;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Tomlyn.Model;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// The contents of <c>robustness.json</c>: which checkpoint, on how many test samples, clean accuracy, every
/// attack's robust accuracy with its settings and time, and the per-sample worst case (per ε in a sweep).
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

    private static readonly JsonSerializerOptions Json = new(RunDirectory.Json) { WriteIndented = true };

    public static RobustnessReport From(
        string checkpoint, long iteration, int timesteps, RobustnessResult result, IReadOnlyList<ConfiguredAttack> attacks,
        IReadOnlyList<double>? sweep)
    {
        var reports = result.Outcomes.Select((outcome, i) => new AttackReport(
            outcome.Run.Name, outcome.Run.Epsilon, attacks[i].Surrogate, Plain(attacks[i].Options), outcome.Samples,
            outcome.Accuracy, outcome.Seconds, outcome.MaxLinf, outcome.MeanL2, outcome.Error)).ToArray();
        return new RobustnessReport(checkpoint, iteration, timesteps, result.Samples, result.CleanAccuracy, reports, WorstCases(result, sweep));
    }

    /// <summary>
    /// One worst case over every attack; in an ε sweep, one per ε over the attacks run at that ε plus those
    /// without an ε option.
    /// </summary>
    private static WorstCaseReport[] WorstCases(RobustnessResult result, IReadOnlyList<double>? sweep)
    {
        var completed = result.Outcomes.Where(o => !o.Failed).ToArray();
        if (sweep is null)
            return [new WorstCaseReport(null, completed.Select(o => o.Run.Label).ToArray(), result.WorstCaseAccuracy(completed))];
        var swept = completed.Where(o => o.Run.Epsilon is not null).ToArray();
        var fixedBudget = completed.Where(o => o.Run.Epsilon is null).ToArray();
        return sweep.Select(epsilon =>
        {
            var group = swept.Where(o => o.Run.Epsilon == epsilon).Concat(fixedBudget).ToArray();
            return new WorstCaseReport(epsilon, group.Select(o => o.Run.Label).ToArray(), result.WorstCaseAccuracy(group));
        }).ToArray();
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
}

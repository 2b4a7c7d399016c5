using System.Text.Json;
using Neuromorph.Data;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Sweeps;

/// <summary>A run in the plan: its index (the Slurm array task id), name, group and overrides as TOML text.</summary>
internal sealed record PlannedRun(int Index, string Name, string Group, IReadOnlyDictionary<string, string> Overrides)
{
    /// <summary>The overrides as <c>train --set</c> takes them.</summary>
    public IEnumerable<string> Assignments => Overrides.Select(o => $"{o.Key}={o.Value}");
}

/// <summary>
/// <c>plan.json</c> in a sweep directory: what every task runs. Written by <c>sweep run</c> after every run's
/// configuration validated; read by <c>sweep task</c>, <c>sweep status</c> and <c>sweep report</c>. A run keeps its
/// index across re-runs of the sweep (new runs get new indices), so a Slurm array submitted earlier stays valid.
/// </summary>
/// <param name="Format">The plan's format version.</param>
/// <param name="Name">The sweep's name.</param>
/// <param name="SweepFile">The sweep file it was made from (full path).</param>
/// <param name="Base">The run configuration every run starts from (full path).</param>
/// <param name="Set">The overrides every run gets (<c>[set]</c>), as <c>key=value</c>.</param>
/// <param name="Baseline">The keys and TOML values that select the baseline group (may be empty).</param>
/// <param name="GridKeys">The keys that vary between runs, in the order their names show them.</param>
/// <param name="After">The commands run on each trained run.</param>
/// <param name="Runs">The runs.</param>
internal sealed record SweepPlan(
    int Format,
    string Name,
    string SweepFile,
    string Base,
    IReadOnlyList<string> Set,
    IReadOnlyDictionary<string, string> Baseline,
    IReadOnlyList<string> GridKeys,
    IReadOnlyList<AfterStep> After,
    IReadOnlyList<PlannedRun> Runs)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(RunDirectory.Json)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The plan of <paramref name="sweep"/>'s <paramref name="runs"/>, keeping the indices <paramref name="previous"/> gave.</summary>
    public static SweepPlan Make(SweepFile sweep, IReadOnlyList<SweepRun> runs, SweepPlan? previous)
    {
        var known = previous?.Runs.ToDictionary(r => r.Name, r => r.Index) ?? [];
        var next = previous is { Runs.Count: > 0 } ? previous.Runs.Max(r => r.Index) + 1 : 0;
        var planned = runs.Select(run => new PlannedRun(
            known.TryGetValue(run.Name, out var index) ? index : next++,
            run.Name,
            run.Group,
            run.Overrides.ToDictionary(o => o.Key, o => o.ValueText))).ToArray();
        var gridKeys = runs.SelectMany(r => r.Overrides.Select(o => o.Key)).Distinct().ToArray();
        return new SweepPlan(
            CurrentFormat, sweep.Name, sweep.Path, sweep.BasePath, sweep.Set.Select(o => o.Assignment).ToArray(),
            sweep.Baseline.ToDictionary(o => o.Key, o => o.ValueText), gridKeys, sweep.After, planned);
    }

    /// <summary>The after-steps as a task's outcome records them, to tell whether a completed task ran these same steps.</summary>
    public IReadOnlyList<string> AfterStepNames() => After.Select(a => a.ToString()).ToArray();

    /// <summary>The run with array index <paramref name="index"/>.</summary>
    /// <exception cref="SweepException">No run has it.</exception>
    public PlannedRun RunAt(int index) =>
        Runs.FirstOrDefault(r => r.Index == index)
        ?? throw new SweepException($"sweep '{Name}' has no run with index {index} (its indices: {IndexRanges.Format(Runs.Select(r => r.Index))}).", ExitCodes.UsageError);

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads <c>plan.json</c>, or null when there is none.</summary>
    /// <exception cref="SweepException">The file does not read as a plan (exit 3).</exception>
    public static SweepPlan? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var plan = JsonSerializer.Deserialize<SweepPlan>(File.ReadAllText(path), Json) ?? throw new JsonException("the file holds null");
            if (plan.Format != CurrentFormat)
                throw new JsonException($"format {plan.Format}, this Neuromorph reads format {CurrentFormat}");
            return plan;
        }
        catch (JsonException e)
        {
            throw new SweepException(
                $"'{path}' is not a sweep plan ({e.Message}). The file is corrupt: restore it, or run 'sweep run' with the sweep file again to rewrite it.",
                ExitCodes.DataError, e);
        }
    }
}

namespace Neuromorph.Host.Sweeps;

/// <summary>The plan and the runs' states as text: one line per run (with its Slurm task when submitted), and a summary line.</summary>
internal static class SweepPlanTable
{
    public static void Write(SweepPlan plan, IReadOnlyList<SweepRunState> states, TextWriter output)
    {
        output.WriteLine($"sweep '{plan.Name}': base {plan.Base}");
        foreach (var set in plan.Set) output.WriteLine($"  every run: {set}");
        foreach (var step in plan.After) output.WriteLine($"  after training: {step}");
        var width = Math.Max(4, plan.Runs.Max(r => r.Name.Length));
        var slurm = states.Any(s => s.Slurm is not null);
        var slurmWidth = slurm ? Math.Max(5, states.Max(s => $"{s.Slurm}".Length)) : 0;
        string SlurmColumn(string text) => slurm ? $"{text.PadRight(slurmWidth)}  " : "";
        output.WriteLine($"{"index",5}  {"run".PadRight(width)}  {"state",-11}  {SlurmColumn("slurm")}detail");
        foreach (var state in states)
            output.WriteLine($"{state.Run.Index,5}  {state.Run.Name.PadRight(width)}  {Name(state.State),-11}  {SlurmColumn($"{state.Slurm}")}{Detail(state)}".TrimEnd());
    }

    /// <summary>E.g. <c>4 runs: 2 completed, 1 running, 1 pending; Slurm: 1 RUNNING, 1 PENDING, 2 COMPLETED</c>.</summary>
    public static string Summary(IReadOnlyList<SweepRunState> states)
    {
        var runs = $"{states.Count} runs: " + string.Join(", ",
            Enum.GetValues<RunState>().Select(s => (s, n: states.Count(x => x.State == s))).Where(p => p.n > 0).Select(p => $"{p.n} {Name(p.s)}"));
        var tasks = states.Where(s => s.Slurm is not null).GroupBy(s => s.Slurm!.StateText)
            .OrderByDescending(g => g.Key is "RUNNING").ThenByDescending(g => g.Key is "PENDING").Select(g => $"{g.Count()} {g.Key}").ToArray();
        return tasks.Length == 0 ? runs : $"{runs}; Slurm: {string.Join(", ", tasks)}";
    }

    public static string Name(RunState state) => state.ToString().ToLowerInvariant();

    private static string Detail(SweepRunState state) => state.State switch
    {
        RunState.Completed when state.Summary is { } s => $"test accuracy {s.TestAccuracy * 100:0.00}%, {LocalExecutor.Duration(TimeSpan.FromSeconds(s.WallSeconds))}",
        RunState.Failed => state.Outcome?.Error ?? $"exit {state.Outcome?.ExitCode}",
        RunState.Interrupted when state.Summary is { } s => $"at epoch {s.EpochsCompleted} of {s.Epochs}",
        _ => "",
    };
}

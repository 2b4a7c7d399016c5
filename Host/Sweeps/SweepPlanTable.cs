namespace Neuromorph.Host.Sweeps;

/// <summary>The plan and the runs' states as text: one line per run, and a summary line.</summary>
internal static class SweepPlanTable
{
    public static void Write(SweepPlan plan, IReadOnlyList<SweepRunState> states, TextWriter output)
    {
        output.WriteLine($"sweep '{plan.Name}': base {plan.Base}");
        foreach (var set in plan.Set) output.WriteLine($"  every run: {set}");
        foreach (var step in plan.After) output.WriteLine($"  after training: {step}");
        var width = Math.Max(4, plan.Runs.Max(r => r.Name.Length));
        output.WriteLine($"{"index",5}  {"run".PadRight(width)}  {"state",-11}  detail");
        foreach (var state in states)
            output.WriteLine($"{state.Run.Index,5}  {state.Run.Name.PadRight(width)}  {Name(state.State),-11}  {Detail(state)}");
    }

    public static string Summary(IReadOnlyList<SweepRunState> states) =>
        $"{states.Count} runs: " + string.Join(", ",
            Enum.GetValues<RunState>().Select(s => (s, n: states.Count(x => x.State == s))).Where(p => p.n > 0).Select(p => $"{p.n} {Name(p.s)}"));

    public static string Name(RunState state) => state.ToString().ToLowerInvariant();

    private static string Detail(SweepRunState state) => state.State switch
    {
        RunState.Completed when state.Summary is { } s => $"test accuracy {s.TestAccuracy * 100:0.00}%, {LocalExecutor.Duration(TimeSpan.FromSeconds(s.WallSeconds))}",
        RunState.Failed => state.Outcome?.Error ?? $"exit {state.Outcome?.ExitCode}",
        RunState.Interrupted when state.Summary is { } s => $"at epoch {s.EpochsCompleted} of {s.Epochs}",
        _ => "",
    };
}

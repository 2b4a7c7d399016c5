using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// The evaluation and robustness files <c>sweep report</c> reads in each completed run's directory: the ones the
/// plan's after-steps write (<c>eval</c>: <c>evaluation.json</c>, or <c>evaluation-t{k}.json</c> with
/// <c>--timesteps k</c>; <c>attack</c>: <c>robustness.json</c> or the file its <c>--report</c> names), and
/// <c>evaluation.json</c> and <c>robustness.json</c> wherever a run has them (an <c>eval</c> or <c>attack</c> run by
/// hand). Paths are relative to the run directory.
/// </summary>
internal sealed record ReportFiles(IReadOnlyList<string> Evaluations, IReadOnlyList<string> Robustness)
{
    public static ReportFiles Of(SweepPlan plan)
    {
        var evaluations = new List<string> { EvaluationReport.FileName(null) };
        var robustness = new List<string> { RobustnessReport.FileName };
        foreach (var step in plan.After)
        {
            if (step.Command == "eval")
                evaluations.Add(EvaluationReport.FileName(int.TryParse(Value(step.Args, "--timesteps"), out var k) ? k : null));
            else if (step.Command == "attack")
                robustness.Add(Value(step.Args, "--report") ?? RobustnessReport.FileName);
        }
        return new ReportFiles(evaluations.Distinct().ToArray(), robustness.Distinct().ToArray());
    }

    /// <summary>The value of <paramref name="option"/> in <paramref name="args"/> (<c>--option value</c> or <c>--option=value</c>), the last one given.</summary>
    private static string? Value(IReadOnlyList<string> args, string option)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == option && i + 1 < args.Count) value = args[i + 1];
            else if (args[i].StartsWith(option + "=", StringComparison.Ordinal)) value = args[i][(option.Length + 1)..];
        }
        return value;
    }
}

using Neuromorph.Abstractions;
using Neuromorph.Host.Reporting;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>&lt;report&gt;-linf.png</c> and <c>&lt;report&gt;-l2.png</c> per robustness report (<c>robustness-linf.png</c> for
/// <c>robustness.json</c>): robust accuracy against the budget ε, one line per attack of that norm, with the per-sample
/// worst case over the attacks at each ε and the clean accuracy for reference. Attacks without an ε (<c>cw</c>, noise)
/// and failed attacks are left out with a note.
/// </summary>
internal static class RobustnessCurves
{
    public static void Draw(PlottedRun run, IReadOnlyList<RunReports.Named<RobustnessReport>> reports, DrawnFigures drawn)
    {
        if (reports.Count == 0)
        {
            drawn.Skip("robust accuracy against ε", "no robustness.json: run 'attack <run-dir> --epsilons ...' first");
            return;
        }
        foreach (var named in reports) Draw(run, named, drawn);
    }

    /// <summary>The figure of <paramref name="norm"/>'s attacks in the report <paramref name="file"/>.</summary>
    public static string FileName(string file, PerturbationNorm norm) => $"{Path.GetFileNameWithoutExtension(file)}-{NormNames.Key(norm)}.png";

    private static void Draw(PlottedRun run, RunReports.Named<RobustnessReport> named, DrawnFigures drawn)
    {
        var report = named.Report;
        foreach (var attack in report.Attacks.Where(a => a.Error is not null))
            drawn.Skip($"{attack.Name} {RobustnessTable.Budget(attack.Norm, attack.Epsilon)} in {named.File}", $"the attack failed ({attack.Error})");
        foreach (var attack in report.Attacks.Where(a => a.Error is null && (a.Epsilon is null || a.Norm == PerturbationNorm.Other)))
            drawn.Skip($"{attack.Name} in {named.File}", "it has no ε budget in a norm (see the robustness table)");
        var plotted = report.Attacks.Where(a => a.Error is null && a.Epsilon is not null && a.Norm != PerturbationNorm.Other);
        foreach (var norm in plotted.GroupBy(a => a.Norm).OrderBy(g => g.Key))
        {
            var scale = norm.Key == PerturbationNorm.Linf ? 255.0 : 1.0;
            var axis = norm.Key == PerturbationNorm.Linf ? "ε, L∞ budget (input values in [0, 1])" : "ε, L2 budget (input values in [0, 1])";
            using var plot = PlotStyle.Create(
                run.Identity.Title($"Robust accuracy against {(norm.Key == PerturbationNorm.Linf ? "L∞" : "L2")} ε ({named.File}: {report.Checkpoint}, {report.Samples} test samples)"),
                axis, "accuracy under attack (%)");
            var series = 0;
            foreach (var attack in norm.GroupBy(a => a.Name))
            {
                var points = attack.GroupBy(a => a.Epsilon!.Value).Select(g => g.First()).OrderBy(a => a.Epsilon).ToArray();
                var line = PlotStyle.Line(plot, points.Select(a => a.Epsilon!.Value * scale).ToArray(), points.Select(a => 100 * a.Accuracy).ToArray(), attack.Key, series);
                PlotStyle.Distinguish(line, series++);
            }
            var worst = report.WorstCase.Where(w => w.Norm == norm.Key && w.Epsilon is not null).OrderBy(w => w.Epsilon).ToArray();
            if (worst.Length > 0 && norm.Select(a => a.Name).Distinct().Count() > 1)
            {
                var line = PlotStyle.Line(plot, worst.Select(w => w.Epsilon!.Value * scale).ToArray(), worst.Select(w => 100 * w.Accuracy).ToArray(),
                    "worst case per sample (every attack at that ε)", 0);
                line.Color = Colors.Black;
                line.LinePattern = LinePattern.Dashed;
            }
            var clean = plot.Add.HorizontalLine(100 * report.CleanAccuracy, 1.5f, PlotStyle.Reference, LinePattern.Dotted);
            clean.LegendText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"clean accuracy ({100 * report.CleanAccuracy:0.0} %)");
            // Ticks at the budgets measured, written as the robustness table writes them (2/255).
            var budgets = new ScottPlot.TickGenerators.NumericManual();
            foreach (var epsilon in norm.Select(a => a.Epsilon!.Value).Distinct().Order())
                budgets.AddMajor(epsilon * scale, epsilon == 0 ? "0" : RobustnessTable.Budget(norm.Key, epsilon).Split(' ')[^1]);
            plot.Axes.Bottom.TickGenerator = budgets;
            plot.Axes.SetLimitsY(0, 100);
            // Accuracy falls as ε grows: the lower left is where no curve goes.
            plot.ShowLegend(Alignment.LowerLeft);
            PngFile.Save(plot, run.Figure(FileName(named.File, norm.Key)), drawn);
        }
    }
}

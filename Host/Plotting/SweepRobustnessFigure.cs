using Neuromorph.Abstractions;
using Neuromorph.Host.Reporting;
using Neuromorph.Host.Sweeps.Reporting;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>sweep report</c>'s robustness figures, one per robustness report and norm (<c>robustness-linf.png</c> for the
/// runs' <c>robustness.json</c>, as <c>plot</c> names a run's): each group's robust accuracy against ε, one line per
/// (group, attack), mean ± std over the group's runs, starting from the group's clean accuracy at ε = 0. The colour is
/// the group's, the marker and dash pattern the attack's.
/// </summary>
internal static class SweepRobustnessFigure
{
    public static void Draw(SweepResults results, string about, string folder, DrawnFigures drawn)
    {
        var attacked = results.Metrics.Where(m => m.Attacked is not null).ToArray();
        foreach (var figure in attacked.GroupBy(m => (m.Source, m.Checkpoint, m.Samples, m.Attacked!.Norm)))
            Draw(results, about, figure.Key.Source, figure.Key.Norm, figure.ToArray(), Path.Combine(folder, RobustnessCurves.FileName(figure.Key.Source, figure.Key.Norm)), drawn);
    }

    /// <summary>The caption of <paramref name="stem"/> when it names one of these figures (<c>robustness-atan4-linf</c>), else null.</summary>
    public static string? Caption(SweepResults results, string stem) =>
        results.Metrics.Where(m => m.Attacked is not null)
            .Select(m => (m.Source, m.Attacked!.Norm))
            .Where(f => Path.GetFileNameWithoutExtension(RobustnessCurves.FileName(f.Source, f.Norm)) == stem)
            .Select(f => $"Robust accuracy against {NormLabel(f.Norm)} ε ({f.Source})")
            .FirstOrDefault();

    private static void Draw(SweepResults results, string about, string source, PerturbationNorm norm, SweepMetric[] metrics, string path, DrawnFigures drawn)
    {
        var scale = norm == PerturbationNorm.Linf ? 255.0 : 1.0;
        var first = metrics[0];
        var clean = results.Metrics.FirstOrDefault(m =>
            m.Source == source && m.Checkpoint == first.Checkpoint && m.Name == "clean_accuracy");
        using var plot = PlotStyle.Create(
            $"Robust accuracy against {NormLabel(norm)} ε, mean ± std ({source}: {first.Checkpoint}, {first.Samples} test samples)\n{about}",
            $"ε, {NormLabel(norm)} budget (input values in [0, 1])", "accuracy under attack (%)");
        var attacks = metrics.Select(m => m.Attacked!.Attack).Distinct().ToArray();
        for (var g = 0; g < results.Groups.Count; g++)
        {
            var group = results.Groups[g];
            for (var a = 0; a < attacks.Length; a++)
            {
                var points = metrics.Where(m => m.Attacked!.Attack == attacks[a])
                    .Select(m => (Epsilon: m.Attacked!.Epsilon, Result: results.For(group, m)))
                    .Where(p => p.Result is not null)
                    .GroupBy(p => p.Epsilon).Select(p => p.First())
                    .OrderBy(p => p.Epsilon).ToList();
                if (points.Count == 0) continue;
                if (points[0].Epsilon > 0 && clean is not null && results.For(group, clean) is { } cleanResult)
                    points.Insert(0, (0, cleanResult));
                var xs = points.Select(p => p.Epsilon * scale).ToArray();
                var means = points.Select(p => p.Result!.Statistics.Mean).ToArray();
                var line = PlotStyle.Line(plot, xs, means, $"{group.Title}, {attacks[a]}", g);
                PlotStyle.Distinguish(line, a);
                PlotStyle.Deviations(plot, xs, means, points.Select(p => p.Result!.Statistics.StandardDeviation ?? 0).ToArray(), g);
            }
        }
        var budgets = new ScottPlot.TickGenerators.NumericManual();
        budgets.AddMajor(0, "0");
        foreach (var epsilon in metrics.Select(m => m.Attacked!.Epsilon).Where(e => e > 0).Distinct().Order())
            budgets.AddMajor(epsilon * scale, RobustnessTable.Budget(norm, epsilon).Split(' ')[^1]);
        plot.Axes.Bottom.TickGenerator = budgets;
        // The groups' differences are what the figure is for: the accuracy axis spans the data, not 0-100 %, and the
        // legend goes below the axes, where it hides no point.
        plot.ShowLegend(Edge.Bottom);
        PngFile.Save(plot, path, drawn);
    }

    private static string NormLabel(PerturbationNorm norm) => norm == PerturbationNorm.Linf ? "L∞" : "L2";
}

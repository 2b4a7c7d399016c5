using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>loss.png</c> (the training loss per epoch and, with a distillation scheme, its distillation term on a second axis) and
/// <c>accuracy.png</c> (training and test accuracy per epoch), from <c>metrics.jsonl</c>. Test loss is not recorded.
/// </summary>
internal static class EpochCurves
{
    public const string LossFile = "loss.png";
    public const string AccuracyFile = "accuracy.png";

    /// <summary>The scheme's distillation term, as the self-distillation plugins record it per epoch (the mean per batch).</summary>
    public const string DistillationLossDiagnostic = "distillation_loss";

    public static void Draw(PlottedRun run, DrawnFigures drawn)
    {
        var epochs = run.Metrics.Select(m => (double)m.Epoch).ToArray();
        var last = run.Metrics[^1].Epoch;

        using var loss = PlotStyle.Create(run.Identity.Title("Training loss per epoch"), "epoch", "loss (mean over the epoch's batches)");
        PlotStyle.Line(loss, epochs, run.Metrics.Select(m => m.TrainLoss).ToArray(), "training loss (cross-entropy + distillation term)", 0);
        var withTerm = run.Metrics.Where(m => m.Diagnostics.TryGetValue(DistillationLossDiagnostic, out var v) && v.Length == 1).ToArray();
        if (withTerm.Length > 0)
        {
            // On its own axis: the term is often a hundredth of the loss, and on the loss's scale its course would be a flat line.
            var term = PlotStyle.Line(loss, withTerm.Select(m => (double)m.Epoch).ToArray(), withTerm.Select(m => m.Diagnostics[DistillationLossDiagnostic][0]).ToArray(),
                "distillation term λ·D (right axis)", 1);
            term.Axes.YAxis = loss.Axes.Right;
            loss.Axes.Right.Label.Text = "distillation term λ·D (same mean)";
            loss.Axes.Right.Label.FontSize = 14;
            loss.Axes.Right.TickLabelStyle.FontSize = 12;
        }
        PlotStyle.IntegerTicks(loss.Axes.Bottom, 1, last);
        loss.ShowLegend(Edge.Bottom);
        PngFile.Save(loss, run.Figure(LossFile), drawn);

        using var accuracy = PlotStyle.Create(run.Identity.Title("Accuracy per epoch"), "epoch", "accuracy (%)");
        PlotStyle.Line(accuracy, epochs, run.Metrics.Select(m => 100 * m.TrainAccuracy).ToArray(), "training (during the epoch)", 0);
        PlotStyle.Line(accuracy, epochs, run.Metrics.Select(m => 100 * m.TestAccuracy).ToArray(), "test (after the epoch)", 1);
        PlotStyle.IntegerTicks(accuracy.Axes.Bottom, 1, last);
        accuracy.ShowLegend(Alignment.LowerRight);
        PngFile.Save(accuracy, run.Figure(AccuracyFile), drawn);
    }
}

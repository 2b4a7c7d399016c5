using System.Globalization;
using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.TensorBoard;

/// <summary>
/// What TensorBoard gets from an iteration and from an epoch, tag by tag. Steps are global iterations: an iteration's
/// values at its own count (1 for the first), an epoch's at the count where it ended (epoch × iterations per epoch).
/// Timesteps in tags count from 0 (<c>t0</c> … <c>t{T-1}</c>); <c>test_accuracy_first_k/k</c> counts the k timesteps used.
/// </summary>
internal static class TensorBoardSummaries
{
    /// <summary>The tag of the text entries that name hot-swapped plugins and reloaded settings.</summary>
    public const string HotReloadTag = "hot_reload";

    /// <summary>
    /// <c>train/loss</c> and <c>train/learning_rate</c> of the iteration, and <c>train/&lt;name&gt;</c> for each scalar
    /// diagnostic it reported (the scheme's <c>distillation_loss</c>, the regulariser's <c>orthogonality_penalty</c>).
    /// </summary>
    public static IEnumerable<TensorBoardEntry> OfIteration(IterationReport report, long step)
    {
        yield return TensorBoardEntry.Scalar("train/loss", step, report.Loss);
        yield return TensorBoardEntry.Scalar("train/learning_rate", step, report.LearningRate);
        foreach (var (name, diagnostic) in report.Diagnostics.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            if (diagnostic.Values.Length == 1)
                yield return TensorBoardEntry.Scalar($"train/{name}", step, diagnostic.Values[0]);
    }

    /// <summary>Everything <paramref name="metrics"/> holds that TensorBoard can show, at <paramref name="step"/>.</summary>
    public static IEnumerable<TensorBoardEntry> OfEpoch(EpochMetrics metrics, long step)
    {
        IEnumerable<(string Tag, double Value)> scalars =
        [
            ("epoch/train_loss", metrics.TrainLoss),
            ("epoch/train_accuracy", metrics.TrainAccuracy),
            ("epoch/test_accuracy", metrics.TestAccuracy),
            ("epoch/learning_rate", metrics.Lr),
            ("epoch/samples_per_second", metrics.TrainSamplesPerSecond),
            ("epoch/seconds", metrics.Seconds),
            .. metrics.TestAccuracyAtTimesteps.Select((accuracy, index) => ($"test_accuracy_first_k/{index + 1}", accuracy)),
            .. Diagnostics(metrics),
            .. PerTimestep("firing_rate", metrics.FiringRates),
            .. PerTimestep("test_firing_rate", metrics.TestFiringRates),
            .. metrics.PhaseSeconds.Select(phase => ($"phase_seconds/{phase.Key}", phase.Value)),
        ];
        foreach (var (tag, value) in scalars) yield return TensorBoardEntry.Scalar(tag, step, value);
        // Swaps at the same boundary share one entry: a tag holds one value per step.
        foreach (var boundary in metrics.PluginReloads.GroupBy(reload => reload.Iteration))
            yield return TensorBoardEntry.TextEntry(HotReloadTag, boundary.Key, string.Join("\n\n", boundary.Select(Describe)));
    }

    /// <summary>
    /// A scalar diagnostic as <c>epoch/&lt;name&gt;</c>; a per-timestep one averaged over the iterations (the mean
    /// confidence) as <c>&lt;name&gt;/t&lt;t&gt;</c>; a per-timestep count (how often each timestep was chosen strong or
    /// weak) as each timestep's share of the epoch's total, <c>strong_counts</c> becoming <c>strong_share/t&lt;t&gt;</c>.
    /// </summary>
    private static IEnumerable<(string Tag, double Value)> Diagnostics(EpochMetrics metrics)
    {
        foreach (var (name, values) in metrics.Diagnostics.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (values.Length == 1)
            {
                yield return ($"epoch/{name}", values[0]);
                continue;
            }
            var isCount = metrics.DiagnosticAggregations.GetValueOrDefault(name) == RunDiagnostics.NameOf(DiagnosticAggregation.Sum);
            if (!isCount)
            {
                foreach (var entry in values.Select((value, t) => ($"{name}/t{t}", value))) yield return entry;
                continue;
            }
            var total = values.Sum();
            if (total <= 0) continue;
            var share = name.EndsWith("_counts", StringComparison.Ordinal) ? name[..^"_counts".Length] + "_share" : name + "_share";
            foreach (var entry in values.Select((count, t) => ($"{share}/t{t}", count / total))) yield return entry;
        }
    }

    private static IEnumerable<(string Tag, double Value)> PerTimestep(string prefix, IReadOnlyDictionary<string, double[]> layers) =>
        layers.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .SelectMany(layer => layer.Value.Select((rate, t) => ($"{prefix}/{layer.Key}/t{t}", rate)));

    /// <summary>One swap as the hot-reload log line says it.</summary>
    private static string Describe(PluginReload reload) => string.Create(CultureInfo.InvariantCulture,
        $"after iteration {reload.Iteration}: {reload.Kind} '{reload.Plugin}' {reload.Old} -> {reload.New}: {reload.Outcome}" +
        $"{(reload.Reason is null ? "" : $" ({reload.Reason})")} — {reload.File}");
}

using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Running sums over the iterations of one epoch. It is saved in checkpoints, so an epoch interrupted and
/// resumed reports the same figures as one run straight through.
/// </summary>
internal sealed class EpochAccumulator
{
    public double LossSum { get; set; }

    public long Correct { get; set; }

    public long Samples { get; set; }

    public int Iterations { get; set; }

    /// <summary>The epoch's wall time so far: every phase, waiting for data and evaluation included.</summary>
    public double Seconds => Phases.Seconds.Values.Sum();

    /// <summary>Seconds of the training steps themselves (inputs to readout): what throughput is measured against.</summary>
    public double TrainingSeconds { get; set; }

    /// <summary>Where the epoch's time went, phase by phase.</summary>
    public StepPhaseTimes Phases { get; set; } = new();

    public Dictionary<string, double[]> DiagnosticSums { get; set; } = [];

    public Dictionary<string, DiagnosticAggregation> DiagnosticAggregations { get; set; } = [];

    /// <summary>Plugin swaps attempted during the epoch so far (kept in checkpoints with the sums).</summary>
    public List<PluginReload> PluginReloads { get; set; } = [];

    /// <summary>The spikes of the epoch's training forward passes; empty in checkpoints written before it existed.</summary>
    public FiringTally Firing { get; set; } = new();

    public void Add(IterationReport report)
    {
        LossSum += report.Loss;
        Correct += report.Correct;
        Samples += report.Samples;
        Iterations++;
        TrainingSeconds += report.Seconds;
        Firing.Add(report.Firing);
        foreach (var (name, diagnostic) in report.Diagnostics)
        {
            if (!DiagnosticSums.TryGetValue(name, out var sums) || sums.Length != diagnostic.Values.Length)
            {
                sums = new double[diagnostic.Values.Length];
                DiagnosticSums[name] = sums;
            }
            for (var i = 0; i < sums.Length; i++) sums[i] += diagnostic.Values[i];
            DiagnosticAggregations[name] = diagnostic.Aggregation;
        }
    }

    public double MeanLoss => Iterations == 0 ? 0 : LossSum / Iterations;

    public double Accuracy => Samples == 0 ? 0 : (double)Correct / Samples;

    /// <summary>Each diagnostic folded over the epoch: the mean or the sum of its per-iteration values.</summary>
    public Dictionary<string, double[]> FoldedDiagnostics() => DiagnosticSums.ToDictionary(
        pair => pair.Key,
        pair => DiagnosticAggregations.GetValueOrDefault(pair.Key) == DiagnosticAggregation.Sum || Iterations == 0
            ? pair.Value.ToArray()
            : pair.Value.Select(v => v / Iterations).ToArray());
}

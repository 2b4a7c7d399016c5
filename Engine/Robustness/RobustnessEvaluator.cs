using System.Diagnostics;
using Neuromorph.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Robustness;

/// <summary>
/// Measures a network's accuracy under adversarial attacks, in evaluation mode and without touching its
/// weights or batch-norm statistics. Every attack sees every batch; an attack that throws or returns an
/// invalid batch is recorded as failed and the others go on.
/// </summary>
internal static class RobustnessEvaluator
{
    /// <summary>How far outside [0, 1] an adversarial pixel may be before the attack is reported as broken.</summary>
    private const double BoxTolerance = 1e-6;

    /// <summary>
    /// Runs every attack in <paramref name="runs"/> on every batch of <paramref name="batches"/>. While an
    /// attack runs, <paramref name="surrogate"/> (the network's adjustable surrogate) is switched to the
    /// attack's own surrogate when it has one. <paramref name="progress"/> hears the samples done so far.
    /// </summary>
    public static RobustnessResult Evaluate(
        SpikingNetwork network,
        AdjustableSurrogate surrogate,
        IEnumerable<Batch> batches,
        IReadOnlyList<AttackRun> runs,
        Action<int>? progress = null)
    {
        var target = new NetworkAttackTarget(network);
        var tallies = runs.Select(run => new Tally(run)).ToArray();
        var clean = new List<bool>();
        var wasTraining = network.training;
        network.eval();
        try
        {
            foreach (var batch in batches)
            {
                CollectionPoint.Reached();
                using var scope = NewDisposeScope();
                var (inputs, labels) = BatchTensors.From(batch, network.InputShape);
                clean.AddRange(Hits(target, inputs, labels));
                foreach (var tally in tallies.Where(t => t.Error is null))
                    Attack(tally, network, surrogate, target, inputs, labels);
                progress?.Invoke(clean.Count);
            }
        }
        finally
        {
            network.train(wasTraining);
        }
        return new RobustnessResult(clean.Count, clean.ToArray(), tallies.Select(t => t.ToOutcome()).ToArray());
    }

    private static void Attack(
        Tally tally, SpikingNetwork network, AdjustableSurrogate surrogate, NetworkAttackTarget target, Tensor inputs, Tensor labels)
    {
        var run = tally.Run;
        Tensor adversarial;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            adversarial = AttackInvocation.Perturb(run, network, surrogate, target, inputs, labels);
            Check(run, adversarial, inputs);
        }
        catch (Exception exception)
        {
            tally.Error = $"{exception.GetType().Name}: {exception.Message}";
            return;
        }
        finally
        {
            tally.Seconds += stopwatch.Elapsed.TotalSeconds;
        }
        using (no_grad())
        {
            var delta = (adversarial.detach() - inputs).flatten(1);
            var l2 = delta.norm(1).to_type(ScalarType.Float64);
            tally.MaxLinf = Math.Max(tally.MaxLinf, delta.abs().max().to_type(ScalarType.Float64).item<double>());
            tally.MaxL2 = Math.Max(tally.MaxL2, l2.max().item<double>());
            tally.SumL2 += l2.sum().item<double>();
        }
        tally.Correct.AddRange(Hits(target, adversarial.detach(), labels));
    }

    /// <summary>Rejects an adversarial batch of another dtype, with non-finite values or outside [0, 1] (the shape is checked on the call).</summary>
    private static void Check(AttackRun run, Tensor adversarial, Tensor inputs)
    {
        if (adversarial.dtype != inputs.dtype)
            throw new InvalidOperationException($"attack '{run.Name}' returned {adversarial.dtype} inputs for {inputs.dtype} ones.");
        using var noGrad = no_grad();
        if (!adversarial.isfinite().all().item<bool>())
            throw new InvalidOperationException($"attack '{run.Name}' returned non-finite pixel values.");
        var (min, max) = (adversarial.min().to_type(ScalarType.Float64).item<double>(), adversarial.max().to_type(ScalarType.Float64).item<double>());
        if (min < -BoxTolerance || max > 1 + BoxTolerance)
            throw new InvalidOperationException(
                FormattableString.Invariant($"attack '{run.Name}' returned pixels in [{min:G6}, {max:G6}], outside the valid range [0, 1]."));
    }

    private static bool[] Hits(NetworkAttackTarget target, Tensor inputs, Tensor labels)
    {
        using var noGrad = no_grad();
        return target.Logits(inputs).argmax(-1).eq(labels).data<bool>().ToArray();
    }

    private sealed class Tally(AttackRun run)
    {
        public AttackRun Run { get; } = run;
        public List<bool> Correct { get; } = [];
        public double Seconds { get; set; }
        public double MaxLinf { get; set; }
        public double MaxL2 { get; set; }
        public double SumL2 { get; set; }
        public string? Error { get; set; }

        public AttackOutcome ToOutcome() => new(
            Run, Correct.ToArray(), Correct.Count, Seconds, MaxLinf, MaxL2, Correct.Count == 0 ? 0 : SumL2 / Correct.Count, Error);
    }
}

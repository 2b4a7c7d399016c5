namespace Neuromorph.Engine.Robustness;

/// <summary>What one attack did over the evaluated samples.</summary>
/// <param name="Run">The attack configuration.</param>
/// <param name="Correct">Per sample, whether the network still classified the adversarial input correctly.
/// Only the samples before a failure are filled in.</param>
/// <param name="Samples">How many samples the attack was run on.</param>
/// <param name="Seconds">Wall time spent inside the attack's <c>Perturb</c>.</param>
/// <param name="MaxLinf">The largest ‖x_adv − x‖∞ seen.</param>
/// <param name="MaxL2">The largest per-sample ‖x_adv − x‖₂ seen.</param>
/// <param name="MeanL2">The mean per-sample ‖x_adv − x‖₂.</param>
/// <param name="Error">Why the attack failed (the rest of the evaluation went on without it), or null.</param>
internal sealed record AttackOutcome(
    AttackRun Run, bool[] Correct, int Samples, double Seconds, double MaxLinf, double MaxL2, double MeanL2, string? Error)
{
    /// <summary>Robust accuracy: the share of samples still classified correctly under the attack.</summary>
    public double Accuracy => Samples == 0 ? 0 : (double)Correct.Count(c => c) / Samples;

    public bool Failed => Error is not null;
}

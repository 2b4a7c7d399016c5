namespace Neuromorph.Host.Reporting;

/// <summary>One attack's line in <c>robustness.json</c>.</summary>
/// <param name="Name">The attack plugin.</param>
/// <param name="Epsilon">Its L∞ budget, for attacks with an <c>epsilon</c> option.</param>
/// <param name="Surrogate">The surrogate gradient used while attacking.</param>
/// <param name="Options">Its options as bound, defaults filled in.</param>
/// <param name="Samples">Samples attacked (fewer than the evaluation's when the attack failed part-way).</param>
/// <param name="Accuracy">Robust accuracy over those samples.</param>
/// <param name="Seconds">Time spent in the attack.</param>
/// <param name="MaxLinf">The largest ‖x_adv − x‖∞ the attack produced.</param>
/// <param name="MeanL2">The mean ‖x_adv − x‖₂.</param>
/// <param name="Error">Why the attack failed, or null.</param>
internal sealed record AttackReport(
    string Name,
    double? Epsilon,
    string Surrogate,
    IReadOnlyDictionary<string, object?> Options,
    int Samples,
    double Accuracy,
    double Seconds,
    double MaxLinf,
    double MeanL2,
    string? Error);

/// <summary>The per-sample worst case over a group of attacks: correct when clean and under every one of them.</summary>
/// <param name="Epsilon">The swept ε the group shares, or null for all attacks of an evaluation without a sweep.</param>
/// <param name="Attacks">The attacks in the group, by label (failed attacks are not included).</param>
/// <param name="Accuracy">The share of samples correct clean and under every attack in the group.</param>
internal sealed record WorstCaseReport(double? Epsilon, IReadOnlyList<string> Attacks, double Accuracy);

using Neuromorph.Abstractions;

namespace Neuromorph.Host.Reporting;

/// <summary>One attack's line in <c>robustness.json</c>.</summary>
/// <param name="Name">The attack plugin.</param>
/// <param name="Norm">The norm its budget bounds (<c>linf</c>, <c>l2</c> or <c>other</c> in the file).</param>
/// <param name="Epsilon">Its budget in that norm, for attacks with an <c>epsilon</c> option.</param>
/// <param name="Surrogate">The surrogate gradient used while attacking.</param>
/// <param name="Options">Its options as bound, defaults filled in.</param>
/// <param name="Samples">Samples attacked (fewer than the evaluation's when the attack failed part-way).</param>
/// <param name="Accuracy">Robust accuracy over those samples.</param>
/// <param name="Seconds">Time spent in the attack.</param>
/// <param name="MaxLinf">The largest ‖x_adv − x‖∞ the attack produced.</param>
/// <param name="MaxL2">The largest per-sample ‖x_adv − x‖₂.</param>
/// <param name="MeanL2">The mean ‖x_adv − x‖₂.</param>
/// <param name="Error">Why the attack failed, or null.</param>
internal sealed record AttackReport(
    string Name,
    PerturbationNorm Norm,
    double? Epsilon,
    string Surrogate,
    IReadOnlyDictionary<string, object?> Options,
    int Samples,
    double Accuracy,
    double Seconds,
    double MaxLinf,
    double MaxL2,
    double MeanL2,
    string? Error);

/// <summary>
/// The per-sample worst case over a group of attacks with one budget: correct when clean and under every one of them.
/// </summary>
/// <param name="Norm">The norm of the group's budget.</param>
/// <param name="Epsilon">The ε the group shares, or null for an attack without an <c>epsilon</c> option (a group of its own).</param>
/// <param name="Attacks">The attacks in the group, by label (failed attacks are not included).</param>
/// <param name="Accuracy">The share of samples correct clean and under every attack in the group.</param>
internal sealed record WorstCaseReport(PerturbationNorm Norm, double? Epsilon, IReadOnlyList<string> Attacks, double Accuracy);

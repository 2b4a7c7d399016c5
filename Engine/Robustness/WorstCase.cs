namespace Neuromorph.Engine.Robustness;

/// <summary>The per-sample worst case over a group of attack runs with one budget.</summary>
/// <param name="Budget">The group's norm and ε.</param>
/// <param name="Outcomes">The runs in the group, in evaluation order (a failed run is in no group).</param>
/// <param name="Accuracy">The share of samples classified correctly clean and under every run of the group.</param>
internal sealed record WorstCase(AttackBudget Budget, IReadOnlyList<AttackOutcome> Outcomes, double Accuracy);

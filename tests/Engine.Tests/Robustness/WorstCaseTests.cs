using Neuromorph.Abstractions;
using Neuromorph.Engine.Robustness;

namespace Neuromorph.Engine.Tests.Robustness;

/// <summary>The per-sample worst case is taken per (norm, ε) group; the correctness tables here are made up by hand.</summary>
public sealed class WorstCaseTests
{
    // Four samples; the last is misclassified clean, so it never counts.
    private static readonly bool[] Clean = [true, true, true, false];

    [Fact]
    public void WorstCases_PoolRunsOfOneNormAndEpsilon_AndNeverAnL2WithAnLinfRunOfTheSameNumber()
    {
        var result = new RobustnessResult(4, Clean,
        [
            Outcome("fgsm", PerturbationNorm.Linf, 0.1, [true, false, true, true]),
            Outcome("pgd", PerturbationNorm.Linf, 0.1, [true, true, false, false]),
            Outcome("l2-attack", PerturbationNorm.L2, 0.1, [false, true, true, true]),
            Outcome("fgsm", PerturbationNorm.Linf, 0.2, [false, false, true, true]),
        ]);

        Describe(result.WorstCases()).Should().Equal(
            "Linf 0.1: fgsm@0.1 + pgd@0.1 -> 0.25",  // only sample 0 survives both
            "Linf 0.2: fgsm@0.2 -> 0.25",            // sample 2
            "L2 0.1: l2-attack@0.1 -> 0.5");         // samples 1 and 2; pooled with the L∞ runs at 0.1 it would be 0
    }

    [Fact]
    public void WorstCases_RunsWithoutAKnownNormBudget_AreEachAGroupOfTheirOwn()
    {
        var result = new RobustnessResult(4, Clean,
        [
            Outcome("cw", PerturbationNorm.L2, null, [true, false, false, false]),
            Outcome("other-l2", PerturbationNorm.L2, null, [false, true, true, false]),
            Outcome("gaussian-noise", PerturbationNorm.Other, null, [true, true, true, true]),
            Outcome("wasserstein", PerturbationNorm.Other, 0.1, [true, true, false, true]),
            Outcome("fgsm", PerturbationNorm.Linf, 0.1, [true, true, true, true]),
        ]);

        Describe(result.WorstCases()).Should().Equal(
            "Linf 0.1: fgsm@0.1 -> 0.75",
            "L2 -: cw -> 0.25",
            "L2 -: other-l2 -> 0.5",
            "Other 0.1: wasserstein@0.1 -> 0.5",
            "Other -: gaussian-noise -> 0.75");
    }

    [Fact]
    public void WorstCases_LeaveFailedRunsOut()
    {
        var result = new RobustnessResult(4, Clean,
        [
            Outcome("fgsm", PerturbationNorm.Linf, 0.1, [true, true, false, false]),
            Outcome("broken", PerturbationNorm.Linf, 0.1, [false], error: "broke"),
        ]);

        Describe(result.WorstCases()).Should().Equal("Linf 0.1: fgsm@0.1 -> 0.5");
    }

    private static AttackOutcome Outcome(string name, PerturbationNorm norm, double? epsilon, bool[] correct, string? error = null) =>
        new(new AttackRun(name, new ThrowingAttack(), new AttackBudget(norm, epsilon), null), correct, correct.Length, 1, 0, 0, 0, error);

    private static IEnumerable<string> Describe(IEnumerable<WorstCase> cases) => cases.Select(c => FormattableString.Invariant(
        $"{c.Budget.Norm} {(c.Budget.Epsilon is { } e ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}: {string.Join(" + ", c.Outcomes.Select(o => o.Run.Label))} -> {c.Accuracy}"));
}

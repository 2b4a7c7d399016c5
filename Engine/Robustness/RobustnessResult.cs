namespace Neuromorph.Engine.Robustness;

/// <summary>Clean and adversarial correctness of every evaluated sample.</summary>
/// <param name="Samples">How many test samples were evaluated.</param>
/// <param name="CleanCorrect">Per sample, whether the clean input was classified correctly.</param>
/// <param name="Outcomes">One entry per attack configuration, in the order given.</param>
internal sealed record RobustnessResult(int Samples, bool[] CleanCorrect, IReadOnlyList<AttackOutcome> Outcomes)
{
    public double CleanAccuracy => Samples == 0 ? 0 : (double)CleanCorrect.Count(c => c) / Samples;

    /// <summary>
    /// The per-sample worst case per budget. Completed runs whose budget bounds one norm by the same ε form one group,
    /// so an L2 and an L∞ run are never pooled whatever their ε; a run whose budget is no known ε of a norm the host
    /// knows (<see cref="AttackBudget.IsNormBound"/>) is a group of its own. Ordered by norm, then ε (unknown last),
    /// then the first run's label.
    /// </summary>
    public IReadOnlyList<WorstCase> WorstCases() =>
        Outcomes.Where(o => !o.Failed)
            .GroupBy(o => (o.Run.Budget, Alone: o.Run.Budget.IsNormBound ? null : o.Run.Label))
            .Select(group => new WorstCase(group.Key.Budget, group.ToArray(), WorstCaseAccuracy(group)))
            .OrderBy(worst => worst.Budget.Norm)
            .ThenBy(worst => worst.Budget.Epsilon ?? double.PositiveInfinity)
            .ThenBy(worst => worst.Outcomes[0].Run.Label, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The per-sample worst case over <paramref name="outcomes"/>: the share of samples classified correctly
    /// when clean and under every one of those attacks (failed attacks are left out).
    /// </summary>
    public double WorstCaseAccuracy(IEnumerable<AttackOutcome> outcomes)
    {
        var completed = outcomes.Where(o => !o.Failed).ToArray();
        if (Samples == 0) return 0;
        var robust = 0;
        for (var i = 0; i < Samples; i++)
            if (CleanCorrect[i] && completed.All(o => o.Correct[i]))
                robust++;
        return (double)robust / Samples;
    }
}

namespace Neuromorph.Engine.Training;

/// <summary>
/// The learning rate as a pure function of training progress and the base rate, so a resumed run continues exactly
/// where it stopped and a base rate changed mid-run (see <see cref="RunSlots.BaseLearningRate"/>) keeps the position in
/// the schedule. <c>cosine</c> anneals per iteration from the base rate to 0 over the whole run; <c>step</c>
/// multiplies by <see cref="Gamma"/> every <see cref="StepSize"/> epochs; <c>constant</c> keeps it.
/// </summary>
internal sealed record LearningRateSchedule(string Kind, int StepSize, double Gamma, long TotalIterations)
{
    public static IReadOnlyList<string> Kinds { get; } = ["cosine", "step", "constant"];

    public double RateAt(SimulationClock clock, double baseRate) => Kind switch
    {
        "cosine" => baseRate * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(clock.GlobalIteration, TotalIterations) / Math.Max(1, TotalIterations))),
        "step" => baseRate * Math.Pow(Gamma, clock.Epoch / StepSize),
        "constant" => baseRate,
        _ => throw new ArgumentException($"Unknown learning-rate schedule '{Kind}'. Known: {string.Join(", ", Kinds)}."),
    };
}

namespace Neuromorph.Engine.Training;

/// <summary>
/// The learning rate as a pure function of training progress, so a resumed run continues exactly where it
/// stopped. <c>cosine</c> anneals per iteration from the base rate to 0 over the whole run; <c>step</c>
/// multiplies by <see cref="Gamma"/> every <see cref="StepSize"/> epochs; <c>constant</c> keeps it.
/// </summary>
internal sealed record LearningRateSchedule(string Kind, double BaseRate, int StepSize, double Gamma, long TotalIterations)
{
    public static IReadOnlyList<string> Kinds { get; } = ["cosine", "step", "constant"];

    public double RateAt(SimulationClock clock) => Kind switch
    {
        "cosine" => BaseRate * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(clock.GlobalIteration, TotalIterations) / Math.Max(1, TotalIterations))),
        "step" => BaseRate * Math.Pow(Gamma, clock.Epoch / StepSize),
        "constant" => BaseRate,
        _ => throw new ArgumentException($"Unknown learning-rate schedule '{Kind}'. Known: {string.Join(", ", Kinds)}."),
    };
}

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[optimizer]</c> table: the optimizer and its learning-rate schedule.</summary>
/// <param name="Name">One of <see cref="KnownOptimizers"/>.</param>
/// <param name="Lr">The initial learning rate.</param>
/// <param name="Momentum">SGD momentum, in [0, 1).</param>
/// <param name="WeightDecay">L2 weight decay.</param>
/// <param name="Nesterov">Whether SGD uses Nesterov momentum.</param>
/// <param name="Schedule">One of <see cref="KnownSchedules"/>.</param>
/// <param name="StepSize">For the step schedule: epochs between learning-rate drops.</param>
/// <param name="Gamma">For the step schedule: the factor applied at each drop.</param>
/// <param name="Beta1">Adam's first-moment decay, in [0, 1).</param>
/// <param name="Beta2">Adam's second-moment decay, in [0, 1).</param>
internal sealed record OptimizerSection(
    string Name = "sgd",
    double Lr = 0.1,
    double Momentum = 0.9,
    double WeightDecay = 1e-4,
    bool Nesterov = false,
    string Schedule = "cosine",
    int StepSize = 30,
    double Gamma = 0.1,
    double Beta1 = 0.9,
    double Beta2 = 0.999)
{
    /// <summary>The valid values of <c>optimizer.name</c>.</summary>
    public static IReadOnlyList<string> KnownOptimizers { get; } = ["sgd", "adam"];

    /// <summary>The valid values of <c>optimizer.schedule</c>.</summary>
    public static IReadOnlyList<string> KnownSchedules { get; } = ["cosine", "step", "constant"];
}

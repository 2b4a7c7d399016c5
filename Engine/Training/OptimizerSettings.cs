namespace Neuromorph.Engine.Training;

/// <summary>Which optimizer to use and its hyperparameters.</summary>
internal sealed record OptimizerSettings(
    string Name = "sgd",
    double LearningRate = 0.1,
    double Momentum = 0.9,
    double WeightDecay = 1e-4,
    bool Nesterov = false,
    double Beta1 = 0.9,
    double Beta2 = 0.999)
{
    public static IReadOnlyList<string> Names { get; } = ["sgd", "adam"];
}

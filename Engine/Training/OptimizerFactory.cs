using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>Creates the configured TorchSharp optimizer over a network's parameters.</summary>
internal static class OptimizerFactory
{
    public static OptimizerHelper Create(OptimizerSettings settings, IEnumerable<Parameter> parameters) => settings.Name switch
    {
        "sgd" => optim.SGD(parameters, settings.LearningRate, settings.Momentum, 0, settings.WeightDecay, settings.Nesterov),
        "adam" => optim.Adam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, 1e-8, settings.WeightDecay),
        _ => throw new ArgumentException($"Unknown optimizer '{settings.Name}'. Known: {string.Join(", ", OptimizerSettings.Names)}."),
    };

    public static void SetLearningRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }
}

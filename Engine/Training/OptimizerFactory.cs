using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>Creates the configured TorchSharp optimizer over a network's parameters.</summary>
internal static class OptimizerFactory
{
    /// <summary>
    /// An optimizer over the parameters as they are now (one group, in the order given); it can
    /// <see cref="Follow"/> them when they change.
    /// </summary>
    public static OptimizerHelper Create(OptimizerSettings settings, IEnumerable<Parameter> parameters) => settings.Name switch
    {
        "sgd" => new Optimizers.SGD(parameters, settings.LearningRate, settings.Momentum, settings.WeightDecay, settings.Nesterov),
        "adam" => new Optimizers.Adam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, 1e-8, settings.WeightDecay),
        _ => throw new ArgumentException($"Unknown optimizer '{settings.Name}'. Known: {string.Join(", ", OptimizerSettings.Names)}."),
    };

    public static void SetLearningRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }

    /// <summary>
    /// Makes an optimizer from <see cref="Create"/> optimize <paramref name="current"/> (a network's parameters
    /// after its neuron model was replaced): kept parameters keep their state, new ones start fresh, the state
    /// of parameters that left is freed. Call it before disposing the parameters that left.
    /// </summary>
    public static void Follow(optim.Optimizer optimizer, IEnumerable<Parameter> current)
    {
        if (optimizer is not Optimizers.IParameterFollowingOptimizer following)
            throw new ArgumentException(
                $"The optimizer {optimizer.GetType().FullName} cannot follow a change of parameters; create it with {nameof(OptimizerFactory)}.{nameof(Create)}.",
                nameof(optimizer));
        following.Follow(current.ToArray());
    }
}

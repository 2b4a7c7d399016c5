using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training.Optimizers;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Replaces the neuron model of a network in training: the layers keep the parameters whose declaration is
/// unchanged (values and optimizer state), re-create the others, and the optimizer takes over the result.
/// Call it between iterations, outside any dispose scope.
/// </summary>
internal static class NeuronModelSwap
{
    /// <param name="network">The network whose neuron layers switch to <paramref name="next"/>.</param>
    /// <param name="next">The new neuron model.</param>
    /// <param name="optimizer">The run's optimizer (from <see cref="OptimizerFactory.Create"/>), or null when nothing is trained.</param>
    /// <returns>What happened to each declared parameter of each layer, for the log.</returns>
    public static IReadOnlyList<NeuronParameterChange> Apply(SpikingNetwork network, INeuronModel next, optim.Optimizer? optimizer)
    {
        if (optimizer is not null and not IParameterFollowingOptimizer)
            throw new ArgumentException(
                $"The optimizer {optimizer.GetType().FullName} cannot follow a change of parameters; create it with {nameof(OptimizerFactory)}.{nameof(OptimizerFactory.Create)}.",
                nameof(optimizer));
        using var replacement = network.ReplaceNeuronModel(next);
        if (optimizer is not null) OptimizerFactory.Follow(optimizer, network.parameters());
        return replacement.Changes;
    }
}

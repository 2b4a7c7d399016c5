using TorchSharp.Modules;

namespace Neuromorph.Engine.Training.Optimizers;

/// <summary>
/// An optimizer that can take over a changed set of parameters, for a network whose neuron model was
/// replaced during a run (which adds, re-creates or removes neuron parameters).
/// </summary>
internal interface IParameterFollowingOptimizer
{
    /// <summary>
    /// Optimizes exactly <paramref name="current"/> from now on, in that order, in one parameter group: a
    /// parameter it already had keeps its state (momentum, moment estimates, step count), a new one starts
    /// with fresh state, and the state of one no longer listed is disposed. Call it while the parameters that
    /// left are still alive (not disposed): a state is recognised by its parameter's native handle.
    /// </summary>
    void Follow(IReadOnlyList<Parameter> current);
}

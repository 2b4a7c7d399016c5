using TorchSharp.Modules;
using TorchSharp.Utils;

namespace Neuromorph.Engine.Training.Optimizers;

/// <summary>
/// The shared body of <see cref="IParameterFollowingOptimizer.Follow"/> over a TorchSharp optimizer's protected
/// parameter groups and per-parameter state.
/// </summary>
/// <remarks>
/// Keeping one group whose parameters are in the network's order is what keeps checkpoints resumable: TorchSharp
/// saves optimizer state by position, and a network built afresh with the new neuron model lists its parameters
/// in the same order as the one that switched to it.
/// </remarks>
internal static class ParameterFollowing
{
    /// <param name="groups">The optimizer's parameter groups; exactly one.</param>
    /// <param name="states">Its state per parameter handle.</param>
    /// <param name="current">The parameters to optimize from now on.</param>
    /// <param name="newGroup">A parameter group of the optimizer's type, with a copy of the options of <paramref name="groups"/>[0].</param>
    /// <param name="addGroup">The optimizer's <c>add_param_group</c>, which creates the initial state of each parameter.</param>
    /// <param name="disposeState">Frees the tensors of one parameter's state.</param>
    public static void Apply(
        IList<ParamGroup> groups,
        OrderedDict<IntPtr, OptimizerState> states,
        IReadOnlyList<Parameter> current,
        Func<IEnumerable<Parameter>, ParamGroup> newGroup,
        Action<ParamGroup> addGroup,
        Action<OptimizerState> disposeState)
    {
        if (groups.Count != 1)
            throw new InvalidOperationException($"Only an optimizer with one parameter group can follow a network's parameters; this one has {groups.Count}.");
        var handles = current.Select(p => p.Handle).ToHashSet();
        if (handles.Count != current.Count)
            throw new ArgumentException("The parameters to follow list one parameter twice.", nameof(current));

        foreach (var gone in states.Keys.Where(handle => !handles.Contains(handle)).ToArray())
        {
            disposeState(states[gone]);
            states.Remove(gone);
        }
        var added = current.Where(p => !states.ContainsKey(p.Handle)).ToArray();
        if (added.Length > 0)
        {
            var temporary = newGroup(added);
            addGroup(temporary);
            groups.Remove(temporary);
        }
        groups[0].Parameters = current.ToArray();
    }
}

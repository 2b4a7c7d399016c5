using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>What an iterative attack carries from one step to the next.</summary>
internal interface IAttackState
{
    /// <summary>Every tensor the state holds.</summary>
    IEnumerable<Tensor> Tensors { get; }
}

/// <summary>
/// Runs one attack step in its own dispose scope: the step's temporaries die with the scope, the tensors of the
/// state it returns move to the enclosing scope, and the tensors of the state it replaces are disposed (those the
/// new state still holds excepted). Memory therefore stays flat however many steps an attack takes.
/// </summary>
internal static class AttackStep
{
    public static TState Advance<TState>(TState? current, Func<TState?, TState> step)
        where TState : class, IAttackState
    {
        TState next;
        using (var scope = NewDisposeScope())
        {
            next = step(current);
            scope.MoveToOuter(next.Tensors);
        }
        if (current is not null)
        {
            var kept = new HashSet<Tensor>(next.Tensors, ReferenceEqualityComparer.Instance);
            var replaced = new HashSet<Tensor>(current.Tensors, ReferenceEqualityComparer.Instance);
            foreach (var tensor in replaced.Where(tensor => !kept.Contains(tensor)))
                tensor.Dispose();
        }
        return next;
    }
}

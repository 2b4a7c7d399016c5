using System.Collections;
using System.Reflection;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>
/// How many custom autograd nodes (<c>autograd.Function</c> applications, such as one spike of the step-by-step
/// path or one fused run) are alive in the process. TorchSharp keeps each in a private list until libtorch frees
/// the node; this reads that list's length, so a change of TorchSharp's internals fails here by name.
/// Process-wide: read it only from tests that do not run in parallel with others.
/// </summary>
internal static class CustomAutogradNodes
{
    private static readonly FieldInfo AliveNodes =
        typeof(autograd).GetNestedType("Node", BindingFlags.NonPublic)?.GetField("AliveNodes", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("TorchSharp no longer keeps its custom autograd nodes in torch.autograd.Node.AliveNodes.");

    public static int Alive
    {
        get
        {
            var nodes = (ICollection)AliveNodes.GetValue(null)!;
            lock (nodes) return nodes.Count;
        }
    }
}

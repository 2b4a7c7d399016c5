using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

internal static class TensorComparison
{
    /// <summary>Whether the two tensors have the same shape and exactly the same values.</summary>
    public static bool SameValues(this Tensor tensor, Tensor other)
    {
        using var scope = NewDisposeScope();
        return tensor.shape.SequenceEqual(other.shape) && tensor.equal(other).all().item<bool>();
    }
}

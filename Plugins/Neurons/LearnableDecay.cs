using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The decay k of <see cref="MembraneCharge.LeakByDecay"/> as the fused kernel needs it: one value per element
/// of a timestep going in, and its gradient summed back to k's own shape coming out.
/// </summary>
internal static class LearnableDecay
{
    /// <summary>
    /// k for every element of one timestep shaped <paramref name="stepShape"/>, as a <c>float[]</c> or
    /// <c>double[]</c> like <paramref name="decay"/>, which must broadcast against that shape.
    /// </summary>
    /// <exception cref="ArgumentException">The decay does not broadcast against one timestep.</exception>
    public static Array PerElement(Tensor decay, long[] stepShape)
    {
        var shape = decay.shape;
        var fits = shape.Length <= stepShape.Length &&
                   shape.Select((size, d) => size == 1 || size == stepShape[stepShape.Length - shape.Length + d]).All(ok => ok);
        if (!fits)
            throw new ArgumentException(
                $"A decay shaped [{string.Join(", ", shape)}] does not broadcast against one timestep " +
                $"[{string.Join(", ", stepShape)}].", nameof(decay));

        using var scope = NewDisposeScope();
        var expanded = decay.detach().expand(stepShape).contiguous();
        return decay.dtype == float32
            ? ThresholdRecurrence<float>.Elements(expanded).ToArray()
            : ThresholdRecurrence<double>.Elements(expanded).ToArray();
    }

    /// <summary>
    /// <paramref name="gradient"/>, one value per element of a timestep, summed over the dimensions that k of
    /// shape <paramref name="shape"/> broadcast along.
    /// </summary>
    public static Tensor GradientShaped(Tensor gradient, long[] shape)
    {
        var leading = (int)gradient.dim() - shape.Length;
        var reduced = leading > 0 ? gradient.sum(Enumerable.Range(0, leading).Select(d => (long)d).ToArray()) : gradient;
        var broadcast = Enumerable.Range(0, shape.Length).Where(d => shape[d] == 1 && reduced.shape[d] != 1).Select(d => (long)d).ToArray();
        if (broadcast.Length > 0) reduced = reduced.sum(broadcast, keepdim: true);
        return reduced.reshape(shape);
    }
}

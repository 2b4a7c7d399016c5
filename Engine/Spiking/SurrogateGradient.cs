using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Spiking;

/// <summary>
/// What the built-in surrogates share: the spike itself and a derivative evaluated without recording a
/// graph. A subclass only states its name and its formula for dS/dx.
/// </summary>
/// <remarks>
/// The spike is the Heaviside step plus a term that is exactly zero in value and has the surrogate
/// derivative as its gradient: <c>S = Θ(x) + (g·x − detach(g·x))</c> with <c>g = dS/dx</c> computed without a
/// graph, so <c>∂S/∂x = g</c>. It is built from native autograd operations only. (A TorchSharp 0.107
/// custom autograd function gave the same forward values but occasionally corrupted gradients in the
/// layers upstream of the spike: whole channels turned NaN in a few of every ten identical runs.)
/// </remarks>
internal abstract class SurrogateGradient : ISurrogateGradient
{
    public abstract string Name { get; }

    public Tensor Spike(Tensor x)
    {
        var fired = x.ge(0).to_type(x.dtype);
        if (!x.requires_grad || !is_grad_enabled()) return fired;
        var linear = x * Derivative(x);
        return fired + (linear - linear.detach());
    }

    public Tensor Derivative(Tensor x)
    {
        using var noGrad = no_grad();
        return DerivativeOf(x);
    }

    /// <summary>dS/dx at <paramref name="x"/>; called with autograd recording off.</summary>
    protected abstract Tensor DerivativeOf(Tensor x);

    public override string ToString() => Name;
}

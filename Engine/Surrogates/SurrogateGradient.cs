using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// What the built-in surrogates share: the spike itself (<see cref="SpikeFunction"/>) and a derivative
/// evaluated without recording a graph. A subclass only states its name and its formula for dS/dx.
/// </summary>
internal abstract class SurrogateGradient : ISurrogateGradient
{
    public abstract string Name { get; }

    public Tensor Spike(Tensor x) => SpikeFunction.apply(x, this);

    public Tensor Derivative(Tensor x)
    {
        using var noGrad = no_grad();
        return DerivativeOf(x);
    }

    /// <summary>dS/dx at <paramref name="x"/>; called with autograd recording off.</summary>
    protected abstract Tensor DerivativeOf(Tensor x);

    public override string ToString() => Name;
}

using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>
/// A spike nonlinearity for gradient training: the Heaviside step in the forward pass and a smooth or
/// box-shaped stand-in for its derivative in the backward pass.
/// </summary>
public interface ISurrogateGradient
{
    /// <summary>The surrogate's name, for example <c>rectangular</c>, <c>atan</c> or <c>sigmoid</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Fires: returns 1 where <paramref name="x"/> ≥ 0 and 0 elsewhere, with <see cref="Derivative"/> as
    /// its gradient. <paramref name="x"/> is the membrane potential minus the threshold.
    /// </summary>
    torch.Tensor Spike(torch.Tensor x);

    /// <summary>The surrogate derivative dS/dx at <paramref name="x"/> (no autograd graph is recorded).</summary>
    torch.Tensor Derivative(torch.Tensor x);
}

namespace Neuromorph.Plugins.Neurons;

/// <summary>Options of the (non-leaky) integrate-and-fire neuron (<c>if</c>).</summary>
/// <param name="Threshold">θ, the firing threshold (&gt; 0): a spike when H(t) ≥ θ.</param>
/// <param name="Reset">Soft (subtract θ) or hard (to 0) reset after a spike.</param>
/// <param name="DetachReset">Whether the spike used in the reset is cut from the gradient.</param>
public sealed record IfOptions(
    double Threshold = 1.0,
    ResetMode Reset = ResetMode.Soft,
    bool DetachReset = false);

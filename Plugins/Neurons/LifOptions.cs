namespace Neuromorph.Plugins.Neurons;

/// <summary>Options of the leaky integrate-and-fire neuron (<c>lif</c>).</summary>
/// <param name="Tau">τ, the membrane time constant (≥ 1): H(t) = V(t−1) + (X(t) − V(t−1))/τ.</param>
/// <param name="Threshold">θ, the firing threshold (&gt; 0): a spike when H(t) ≥ θ.</param>
/// <param name="Reset">Soft (subtract θ, the paper's choice) or hard (to 0) reset after a spike.</param>
/// <param name="DetachReset">Whether the spike used in the reset is cut from the gradient.</param>
public sealed record LifOptions(
    double Tau = 2.0,
    double Threshold = 1.0,
    ResetMode Reset = ResetMode.Soft,
    bool DetachReset = false);

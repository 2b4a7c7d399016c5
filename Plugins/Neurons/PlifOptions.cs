namespace Neuromorph.Plugins.Neurons;

/// <summary>Options of the parametric leaky integrate-and-fire neuron (<c>plif</c>).</summary>
/// <param name="InitTau">
/// τ₀, the membrane time constant the layer starts from (&gt; 1): the learned w starts at −ln(τ₀ − 1), so
/// that sigmoid(w) = 1/τ₀.
/// </param>
/// <param name="Threshold">θ, the firing threshold (&gt; 0): a spike when H(t) ≥ θ.</param>
/// <param name="Reset">Soft (subtract θ) or hard (to 0) reset after a spike.</param>
/// <param name="DetachReset">Whether the spike used in the reset is cut from the gradient.</param>
public sealed record PlifOptions(
    double InitTau = 2.0,
    double Threshold = 1.0,
    ResetMode Reset = ResetMode.Soft,
    bool DetachReset = false);

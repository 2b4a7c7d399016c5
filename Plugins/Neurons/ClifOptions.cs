namespace Neuromorph.Plugins.Neurons;

/// <summary>Options of the complementary leaky integrate-and-fire neuron (<c>clif</c>).</summary>
/// <param name="Tau">τ, the membrane time constant (≥ 1): the membrane keeps γ = 1 − 1/τ of its potential each step.</param>
/// <param name="Threshold">θ, the firing threshold (&gt; 0): a spike when H(t) ≥ θ.</param>
/// <param name="Reset">
/// Soft (subtract θ + sigmoid(M), the paper's) or hard (to −sigmoid(M), the authors' code with a reset potential of 0).
/// </param>
/// <param name="DetachReset">Whether the spike used in the membrane's reset is cut from the gradient.</param>
/// <param name="DecayInput">
/// false (the paper's): H = γ·V + X. true: H = γ·V + X/τ, the decay-input form of <c>lif</c>.
/// </param>
public sealed record ClifOptions(
    double Tau = 2.0,
    double Threshold = 1.0,
    ResetMode Reset = ResetMode.Soft,
    bool DetachReset = false,
    bool DecayInput = false);

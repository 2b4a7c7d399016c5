namespace Neuromorph.Plugins.Neurons;

/// <summary>Options of the adaptive-threshold leaky integrate-and-fire neuron (<c>alif</c>).</summary>
/// <param name="Tau">τ, the membrane time constant (≥ 1): H(t) = V(t−1) + (X(t) − V(t−1))/τ.</param>
/// <param name="Threshold">θ₀, the baseline threshold (&gt; 0) the adaptive threshold starts from and relaxes to.</param>
/// <param name="Beta">
/// β (≥ 0), the adaptation strength: the threshold rises by β at a sustained rate of one spike per step.
/// 1.8 as in Bellec et al. 2018 and Yin et al. 2021; 0 gives the <c>lif</c> neuron.
/// </param>
/// <param name="Rho">
/// ρ in [0, 1), the adaptation's decay per step, exp(−1/τₐ) for an adaptation time constant τₐ in steps
/// (0.9: τₐ ≈ 9.5 steps).
/// </param>
/// <param name="Reset">Soft (subtract the crossed threshold θ(t)) or hard (to 0) reset after a spike.</param>
/// <param name="DetachReset">Whether the spike used in the membrane's reset is cut from the gradient.</param>
public sealed record AlifOptions(
    double Tau = 2.0,
    double Threshold = 1.0,
    double Beta = 1.8,
    double Rho = 0.9,
    ResetMode Reset = ResetMode.Soft,
    bool DetachReset = false);

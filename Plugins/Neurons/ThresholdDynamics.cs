using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// Everything the fused kernel needs to know about a threshold neuron: charge H(t), fire
/// S(t) = Θ(H(t) − θ) with the surrogate's derivative, reset soft or hard, optionally detached.
/// </summary>
/// <param name="Charge">How H(t) follows from V(t−1) and X(t).</param>
/// <param name="Threshold">θ &gt; 0.</param>
/// <param name="Reset">Soft: V = H − θ·S; hard: V = H·(1 − S).</param>
/// <param name="DetachReset">Whether the S in the reset carries no gradient.</param>
/// <param name="Surrogate">dS/dH = Surrogate.Derivative(H − θ).</param>
internal sealed record ThresholdDynamics(
    MembraneCharge Charge,
    double Threshold,
    ResetMode Reset,
    bool DetachReset,
    ISurrogateGradient Surrogate);

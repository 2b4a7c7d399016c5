using System.Numerics;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// One <see cref="MembraneCharge"/> as the fused kernel's element loops use it, for one element or one SIMD
/// vector of consecutive elements (<see cref="Vector{T}"/>; the same IEEE operation in every lane, so both give
/// the same bits). The rules are structs so that the JIT compiles one specialised, inlined loop per rule and
/// element type.
/// </summary>
internal interface IChargeRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>H from the membrane V(t−1) and input X(t) of element <paramref name="element"/> of a timestep.</summary>
    T Charge(T membrane, T input, int element);

    /// <summary>H for the elements starting at <paramref name="element"/>.</summary>
    Vector<T> Charge(Vector<T> membrane, Vector<T> input, int element);

    /// <summary>dL/dX(t) = dL/dH(t)·∂H/∂X.</summary>
    T InputGradient(T chargeGradient, int element);

    /// <summary>dL/dX(t) for the elements starting at <paramref name="element"/>.</summary>
    Vector<T> InputGradient(Vector<T> chargeGradient, int element);

    /// <summary>The part of dL/dV(t−1) that flows through the charge: dL/dH(t)·∂H/∂V.</summary>
    T MembraneGradient(T chargeGradient, int element);

    /// <summary>dL/dH(t)·∂H/∂V for the elements starting at <paramref name="element"/>.</summary>
    Vector<T> MembraneGradient(Vector<T> chargeGradient, int element);
}

/// <summary>H = V + X: ∂H/∂X = ∂H/∂V = 1.</summary>
internal readonly struct IntegrateRule<T> : IChargeRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Charge(T membrane, T input, int element) => membrane + input;

    public Vector<T> Charge(Vector<T> membrane, Vector<T> input, int element) => membrane + input;

    public T InputGradient(T chargeGradient, int element) => chargeGradient;

    public Vector<T> InputGradient(Vector<T> chargeGradient, int element) => chargeGradient;

    public T MembraneGradient(T chargeGradient, int element) => chargeGradient;

    public Vector<T> MembraneGradient(Vector<T> chargeGradient, int element) => chargeGradient;
}

/// <summary>H = V + (X − V)/τ: ∂H/∂X = 1/τ, ∂H/∂V = 1 − 1/τ (evaluated as autograd would: g − g/τ).</summary>
internal readonly struct TauLeakRule<T>(T tau) : IChargeRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector<T> taus = new(tau);

    public T Charge(T membrane, T input, int element) => membrane + (input - membrane) / tau;

    public Vector<T> Charge(Vector<T> membrane, Vector<T> input, int element) => membrane + (input - membrane) / taus;

    public T InputGradient(T chargeGradient, int element) => chargeGradient / tau;

    public Vector<T> InputGradient(Vector<T> chargeGradient, int element) => chargeGradient / taus;

    public T MembraneGradient(T chargeGradient, int element) => chargeGradient - chargeGradient / tau;

    public Vector<T> MembraneGradient(Vector<T> chargeGradient, int element) => chargeGradient - chargeGradient / taus;
}

/// <summary>
/// H = V + (X − V)·k with k per element of a timestep: ∂H/∂X = k, ∂H/∂V = 1 − k, ∂H/∂k = X − V.
/// </summary>
internal readonly struct DecayLeakRule<T>(T[] decay) : IChargeRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Charge(T membrane, T input, int element) => membrane + (input - membrane) * decay[element];

    public Vector<T> Charge(Vector<T> membrane, Vector<T> input, int element) =>
        membrane + (input - membrane) * new Vector<T>(decay, element);

    public T InputGradient(T chargeGradient, int element) => chargeGradient * decay[element];

    public Vector<T> InputGradient(Vector<T> chargeGradient, int element) => chargeGradient * new Vector<T>(decay, element);

    public T MembraneGradient(T chargeGradient, int element) => chargeGradient - chargeGradient * decay[element];

    public Vector<T> MembraneGradient(Vector<T> chargeGradient, int element) =>
        chargeGradient - chargeGradient * new Vector<T>(decay, element);
}

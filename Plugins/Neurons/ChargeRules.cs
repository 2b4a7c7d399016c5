using System.Numerics;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// One <see cref="MembraneCharge"/> as the fused kernel's element loops use it, for one element or one SIMD
/// vector of consecutive elements (<see cref="Vector{T}"/>; the same IEEE operation in every lane, so both give
/// the same bits). The rules are structs so that the JIT compiles one specialised, inlined loop per rule and
/// element type. They hold no arithmetic of their own: each evaluates its <see cref="MembraneCharge"/>'s formula
/// with the factor (τ or k) of the element or vector.
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

/// <summary><see cref="MembraneCharge.Integrate"/>: ∂H/∂X = ∂H/∂V = 1, so both gradients are dL/dH itself.</summary>
internal readonly struct IntegrateRule<T> : IChargeRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Charge(T membrane, T input, int element) => MembraneCharge.Integrate.Charge(membrane, input);

    public Vector<T> Charge(Vector<T> membrane, Vector<T> input, int element) =>
        MembraneCharge.Integrate.Charge<VectorOperand<T>>(membrane, input).Value;

    public T InputGradient(T chargeGradient, int element) => chargeGradient;

    public Vector<T> InputGradient(Vector<T> chargeGradient, int element) => chargeGradient;

    public T MembraneGradient(T chargeGradient, int element) => chargeGradient;

    public Vector<T> MembraneGradient(Vector<T> chargeGradient, int element) => chargeGradient;
}

/// <summary><see cref="MembraneCharge.LeakByTau"/> with τ in the element type, and τ in every lane for vectors.</summary>
internal readonly struct TauLeakRule<T>(T tau) : IChargeRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly VectorOperand<T> taus = new(new Vector<T>(tau));

    public T Charge(T membrane, T input, int element) => MembraneCharge.LeakByTau.Charge(membrane, input, tau);

    public Vector<T> Charge(Vector<T> membrane, Vector<T> input, int element) =>
        MembraneCharge.LeakByTau.Charge<VectorOperand<T>, VectorOperand<T>>(membrane, input, taus).Value;

    public T InputGradient(T chargeGradient, int element) => MembraneCharge.LeakByTau.InputGradient(chargeGradient, tau);

    public Vector<T> InputGradient(Vector<T> chargeGradient, int element) =>
        MembraneCharge.LeakByTau.InputGradient<VectorOperand<T>, VectorOperand<T>>(chargeGradient, taus).Value;

    public T MembraneGradient(T chargeGradient, int element) => MembraneCharge.LeakByTau.MembraneGradient(chargeGradient, tau);

    public Vector<T> MembraneGradient(Vector<T> chargeGradient, int element) =>
        MembraneCharge.LeakByTau.MembraneGradient<VectorOperand<T>, VectorOperand<T>>(chargeGradient, taus).Value;
}

/// <summary><see cref="MembraneCharge.LeakByDecay"/> with k per element of a timestep (see <see cref="LearnableDecay.PerElement"/>).</summary>
internal readonly struct DecayLeakRule<T>(T[] decay) : IChargeRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Charge(T membrane, T input, int element) => MembraneCharge.LeakByDecay.Charge(membrane, input, decay[element]);

    public Vector<T> Charge(Vector<T> membrane, Vector<T> input, int element) =>
        MembraneCharge.LeakByDecay.Charge<VectorOperand<T>>(membrane, input, new Vector<T>(decay, element)).Value;

    public T InputGradient(T chargeGradient, int element) => MembraneCharge.LeakByDecay.InputGradient(chargeGradient, decay[element]);

    public Vector<T> InputGradient(Vector<T> chargeGradient, int element) =>
        MembraneCharge.LeakByDecay.InputGradient<VectorOperand<T>>(chargeGradient, new Vector<T>(decay, element)).Value;

    public T MembraneGradient(T chargeGradient, int element) => MembraneCharge.LeakByDecay.MembraneGradient(chargeGradient, decay[element]);

    public Vector<T> MembraneGradient(Vector<T> chargeGradient, int element) =>
        MembraneCharge.LeakByDecay.MembraneGradient<VectorOperand<T>>(chargeGradient, new Vector<T>(decay, element)).Value;
}

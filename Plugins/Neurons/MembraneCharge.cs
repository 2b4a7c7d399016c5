using System.Numerics;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// How a threshold neuron charges, H(t) from V(t−1) and X(t): the one place each charge rule is written. A rule
/// is a generic formula over any type with the arithmetic operators it uses, and every path evaluates that one
/// formula: <see cref="Apply"/> on tensors (a neuron's <c>Step</c>, under autograd, through <see cref="TensorOperand"/>),
/// and the fused multi-step kernel (<see cref="FusedThresholdRun"/>, through <see cref="IChargeRule{T}"/>) on single
/// elements and on SIMD vectors (through <see cref="VectorOperand{T}"/>). The kernel keeps its own loops over raw memory
/// for speed, but not its own arithmetic: the same operations in the same order give the two paths bit-identical
/// membrane potentials and hence the same spikes. (The JIT inlines the formulas and the operand wrappers away: the
/// kernel's machine code for <c>lif</c> was checked to be that of the formulas written on <see cref="Vector{T}"/> directly.)
/// Each rule also states ∂H/∂X and ∂H/∂V for the kernel's backward pass, in the order autograd evaluates them.
/// </summary>
internal abstract record MembraneCharge
{
    private MembraneCharge()
    {
    }

    /// <summary>H(t) from the membrane V(t−1) and the input X(t), as tensor operations.</summary>
    public abstract Tensor Apply(Tensor membrane, Tensor input);

    /// <summary>No leak (IF): H = V + X, so ∂H/∂X = ∂H/∂V = 1.</summary>
    public sealed record Integrate : MembraneCharge
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TValue Charge<TValue>(TValue membrane, TValue input)
            where TValue : IAdditionOperators<TValue, TValue, TValue> =>
            membrane + input;

        public override Tensor Apply(Tensor membrane, Tensor input) => Charge<TensorOperand>(membrane, input).Value;
    }

    /// <summary>
    /// Leak towards the input with a fixed time constant (LIF, decay_input): H = V + (X − V)/τ, a division by τ
    /// (multiplying by 1/τ rounds differently); ∂H/∂X = 1/τ, ∂H/∂V = 1 − 1/τ.
    /// </summary>
    /// <param name="Tau">τ ≥ 1.</param>
    public sealed record LeakByTau(double Tau) : MembraneCharge
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TValue Charge<TValue, TTau>(TValue membrane, TValue input, TTau tau)
            where TValue : IAdditionOperators<TValue, TValue, TValue>, ISubtractionOperators<TValue, TValue, TValue>,
                IDivisionOperators<TValue, TTau, TValue> =>
            membrane + (input - membrane) / tau;

        /// <summary>dL/dH·∂H/∂X = g/τ.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TValue InputGradient<TValue, TTau>(TValue chargeGradient, TTau tau)
            where TValue : IDivisionOperators<TValue, TTau, TValue> =>
            chargeGradient / tau;

        /// <summary>dL/dH·∂H/∂V as autograd sums the two paths from V: g − g/τ.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TValue MembraneGradient<TValue, TTau>(TValue chargeGradient, TTau tau)
            where TValue : ISubtractionOperators<TValue, TValue, TValue>, IDivisionOperators<TValue, TTau, TValue> =>
            chargeGradient - chargeGradient / tau;

        public override Tensor Apply(Tensor membrane, Tensor input) => Charge<TensorOperand, double>(membrane, input, Tau).Value;
    }

    /// <summary>
    /// Leak with a learnable decay tensor k (the PLIF form, k = sigmoid(w)): H = V + (X − V)·k; ∂H/∂X = k,
    /// ∂H/∂V = 1 − k, ∂H/∂k = X − V. <paramref name="Decay"/> broadcasts against one timestep <c>[B, C, ...]</c>
    /// (a scalar, or <c>[C, 1, ..., 1]</c> per channel); when it requires grad the kernel returns dL/dk.
    /// </summary>
    public sealed record LeakByDecay(Tensor Decay) : MembraneCharge
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TValue Charge<TValue>(TValue membrane, TValue input, TValue decay)
            where TValue : IAdditionOperators<TValue, TValue, TValue>, ISubtractionOperators<TValue, TValue, TValue>,
                IMultiplyOperators<TValue, TValue, TValue> =>
            membrane + (input - membrane) * decay;

        /// <summary>dL/dH·∂H/∂X = g·k.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TValue InputGradient<TValue>(TValue chargeGradient, TValue decay)
            where TValue : IMultiplyOperators<TValue, TValue, TValue> =>
            chargeGradient * decay;

        /// <summary>dL/dH·∂H/∂V as autograd sums the two paths from V: g − g·k.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TValue MembraneGradient<TValue>(TValue chargeGradient, TValue decay)
            where TValue : ISubtractionOperators<TValue, TValue, TValue>, IMultiplyOperators<TValue, TValue, TValue> =>
            chargeGradient - chargeGradient * decay;

        public override Tensor Apply(Tensor membrane, Tensor input) => Charge<TensorOperand>(membrane, input, Decay).Value;
    }
}

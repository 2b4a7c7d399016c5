using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// How a threshold neuron charges, H(t) from V(t−1) and X(t), stated as data so that the fused multi-step
/// kernel (<see cref="FusedThresholdRun"/>) can run and differentiate it without an autograd graph. Each form
/// performs exactly the floating-point operations, in the same order, of the neuron's single-step charge, so
/// the fused and the step-by-step paths compute bit-identical membrane potentials and hence the same spikes.
/// </summary>
internal abstract record MembraneCharge
{
    private MembraneCharge()
    {
    }

    /// <summary>No leak (IF): H = V + X.</summary>
    public sealed record Integrate : MembraneCharge;

    /// <summary>
    /// Leak towards the input with a fixed time constant (LIF, decay_input): H = V + (X − V)/τ, computed as a
    /// division by τ, like <see cref="LifNeuron"/>'s step (multiplying by 1/τ rounds differently).
    /// </summary>
    /// <param name="Tau">τ ≥ 1.</param>
    public sealed record LeakByTau(double Tau) : MembraneCharge;

    /// <summary>
    /// Leak with a learnable decay tensor k (the PLIF form, k = sigmoid(w)): H = V + (X − V)·k, computed as
    /// written. <paramref name="Decay"/> broadcasts against one timestep <c>[B, C, ...]</c> (a scalar, or
    /// <c>[C, 1, ..., 1]</c> per channel); when it requires grad the kernel returns dL/dk.
    /// </summary>
    public sealed record LeakByDecay(Tensor Decay) : MembraneCharge;
}

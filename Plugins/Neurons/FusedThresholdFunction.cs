using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// A threshold neuron over all T timesteps as one autograd node: called as
/// <c>apply(inputs [T, ...], decay or null, ThresholdDynamics)</c>, it returns the spikes <c>[T, ...]</c>.
/// </summary>
/// <remarks>
/// <para>Forward, for t = 0 … T−1 from V(−1) = 0, with no autograd graph:</para>
/// <code>
///   H(t) = V(t−1) + X(t)                  (IF)
///        = V(t−1) + (X(t) − V(t−1))/τ     (LIF, decay_input)
///        = V(t−1) + (X(t) − V(t−1))·k     (PLIF form, k learnable)
///   S(t) = Θ(H(t) − θ)                    (1 where H(t) ≥ θ)
///   V(t) = H(t) − θ·S(t)                  (soft reset)
///        = H(t)·(1 − S(t))                (hard reset)
/// </code>
/// <para>Backward, with g(t) = surrogate.Derivative(H(t) − θ) standing in for dS(t)/dH(t), and dL/dV(T−1) = 0
/// (the last membrane is no output), for t = T−1 … 0:</para>
/// <code>
///   dL/dH(t)   = dL/dS(t)·g(t) + dL/dV(t)·r(t)
///   r(t)       = dV(t)/dH(t) = 1 − θ·g(t)                   (soft)
///                            = 1                            (soft, detach_reset)
///                            = (1 − S(t)) − H(t)·g(t)       (hard)
///                            = 1 − S(t)                     (hard, detach_reset)
///   dL/dX(t)   = dL/dH(t)·∂H/∂X        ∂H/∂X = 1 (IF), 1/τ (LIF), k (PLIF)
///   dL/dV(t−1) = dL/dH(t)·∂H/∂V        ∂H/∂V = 1 (IF), 1 − 1/τ (LIF), 1 − k (PLIF)
///   dL/dk     += dL/dH(t)·(X(t) − V(t−1))                   (PLIF, summed to k's shape)
/// </code>
/// <para>Kept from forward to backward (N elements per timestep, b bytes per element value):
/// g(t) always (T·N·b); H(t) − θ only for a hard reset that is not detached (it gives both S(t) = [H − θ ≥ 0]
/// and H(t)); S(t) as uint8 only for a detached hard reset (T·N bytes); X(t) − V(t−1) only when k needs a
/// gradient. A soft reset keeps g alone: its recurrence needs neither S nor H. The surrogate derivative is
/// evaluated once for the whole sequence, in forward, with the surrogate the forward pass fired with.</para>
/// </remarks>
internal sealed class FusedThresholdFunction : autograd.SingleTensorFunction<FusedThresholdFunction>
{
    private const string DynamicsKey = "dynamics";
    private const string DecayValuesKey = "decay_values";
    private const string DecayShapeKey = "decay_shape";

    public override string Name => "NeuromorphFusedThresholdRun";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var inputs = (Tensor)vars[0];
        var decay = vars[1] as Tensor;
        var dynamics = (ThresholdDynamics)vars[2];
        using var scope = NewDisposeScope();
        var decayValues = decay is null ? null : LearnableDecay.PerElement(decay, inputs.shape[1..]);
        var (spikes, saved) = FusedThresholdPass.Forward(inputs, decayValues, decay?.requires_grad == true, dynamics, forBackward: true);

        // The node takes the saved tensors after forward returns: they must outlive this scope.
        ctx.save_for_backward(
        [
            saved!.Derivative.MoveToOuterDisposeScope(),
            saved.SurrogateArgument?.MoveToOuterDisposeScope()!,
            saved.SpikeBytes?.MoveToOuterDisposeScope()!,
            saved.DecayArgument?.MoveToOuterDisposeScope()!,
        ]);
        ctx.save_data(DynamicsKey, dynamics);
        ctx.save_data(DecayValuesKey, decayValues!);
        ctx.save_data(DecayShapeKey, decay?.shape!);
        return spikes.MoveToOuterDisposeScope();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        using var scope = NewDisposeScope();
        var dynamics = (ThresholdDynamics)ctx.get_data(DynamicsKey);
        var tensors = ctx.get_saved_variables();
        var saved = new SavedForBackward(tensors[0], tensors[1], tensors[2], tensors[3]);
        var (inputGradient, decayGradient) = FusedThresholdPass.Backward(
            grad_output, saved, (Array?)ctx.get_data(DecayValuesKey), (long[]?)ctx.get_data(DecayShapeKey), dynamics);

        // One entry per forward argument: the dynamics are no tensor and get no gradient.
        return [inputGradient.MoveToOuterDisposeScope(), decayGradient?.MoveToOuterDisposeScope()!, null!];
    }
}

using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// A neuron whose timestep is charge → fire → reset, with the membrane potential as its only state.
/// Subclasses state how the membrane charges; firing through the surrogate and the reset are shared.
/// <see cref="Step"/> is the reference single-step path; <see cref="Run(Tensor)"/> runs all timesteps with the
/// fused kernel (<see cref="FusedThresholdRun"/>) when the subclass states its charge as a
/// <see cref="MembraneCharge"/>, and steps otherwise.
/// </summary>
internal abstract class ThresholdNeuron : INeuronModel
{
    private readonly ISurrogateGradient surrogate;

    protected ThresholdNeuron(double threshold, ResetMode reset, bool detachReset, ISurrogateGradient surrogate)
    {
        ArgumentNullException.ThrowIfNull(surrogate);
        Threshold = NeuronOptionChecks.Threshold(threshold);
        Reset = NeuronOptionChecks.Reset(reset);
        DetachReset = detachReset;
        this.surrogate = surrogate;
    }

    public double Threshold { get; }

    public ResetMode Reset { get; }

    public bool DetachReset { get; }

    /// <summary>The learnable parameters the charge uses (none unless a subclass declares some).</summary>
    public virtual IReadOnlyList<NeuronParameter> Parameters => [];

    /// <summary>V(−1) = 0.</summary>
    public NeuronState CreateState(Tensor input) => new(zeros_like(input));

    /// <summary>A step with the parameters at their initial values, outside a network.</summary>
    public NeuronStep Step(Tensor input, NeuronState state) => Step(input, state, NeuronParameters.Initial(Parameters));

    public NeuronStep Step(Tensor input, NeuronState state, NeuronParameters parameters)
    {
        var membrane = state.Membrane;
        StateShape.EnsureMatches(membrane, input, NeuronState.MembraneKey);
        var charged = Charge(input, membrane, parameters);
        var spikes = surrogate.Spike(charged - Threshold);
        return new NeuronStep(spikes, new NeuronState(MembraneReset.Apply(charged, spikes, Threshold, Reset, DetachReset)));
    }

    /// <summary>All timesteps of <paramref name="inputs"/> <c>[T, ...]</c>, with the parameters at their initial values.</summary>
    public Tensor Run(Tensor inputs) => Run(inputs, NeuronParameters.Initial(Parameters));

    /// <summary>
    /// All timesteps with the layer's <paramref name="parameters"/>: the fused kernel with
    /// <see cref="FusedCharge"/> of them, or, when there is none or the inputs are not CPU float32/float64,
    /// the contract's step-by-step loop.
    /// </summary>
    public Tensor Run(Tensor inputs, NeuronParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        var charge = FusedThresholdRun.Supports(inputs) ? FusedCharge(parameters) : null;
        return charge is null
            ? NeuronStepping.Run(inputs, CreateState(inputs[0]), (input, state) => Step(input, state, parameters))
            : FusedThresholdRun.Run(inputs, new ThresholdDynamics(charge, Threshold, Reset, DetachReset, surrogate));
    }

    /// <summary>H(t) from the input X(t), the membrane potential V(t−1) and the layer's parameters.</summary>
    protected abstract Tensor Charge(Tensor input, Tensor membrane, NeuronParameters parameters);

    /// <summary>
    /// <see cref="Charge"/> as data for the fused kernel, with the same floating-point operations; null (the
    /// default) when the charge has no such form, and <see cref="Run(Tensor)"/> then steps.
    /// </summary>
    protected virtual MembraneCharge? FusedCharge(NeuronParameters parameters) => null;
}

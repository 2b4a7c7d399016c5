using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// A neuron whose timestep is charge → fire → reset, with the membrane potential as its only state.
/// Subclasses state how the membrane charges, as a <see cref="MembraneCharge"/>; firing through the surrogate and the
/// reset are shared. <see cref="Step"/> is the reference single-step path, evaluating the charge as tensor operations;
/// <see cref="Run(Tensor)"/> hands the same charge to the fused kernel (<see cref="FusedThresholdRun"/>) for the inputs
/// it supports, and steps otherwise.
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
        var charged = Charge(parameters).Apply(membrane, input);
        var spikes = surrogate.Spike(charged - Threshold);
        return new NeuronStep(spikes, new NeuronState(MembraneReset.Apply(charged, spikes, Threshold, Reset, DetachReset)));
    }

    /// <summary>All timesteps of <paramref name="inputs"/> <c>[T, ...]</c>, with the parameters at their initial values.</summary>
    public Tensor Run(Tensor inputs) => Run(inputs, NeuronParameters.Initial(Parameters));

    /// <summary>
    /// All timesteps with the layer's <paramref name="parameters"/>: the fused kernel with their
    /// <see cref="Charge"/>, or, when the inputs are not CPU float32/float64, the contract's step-by-step loop.
    /// </summary>
    public Tensor Run(Tensor inputs, NeuronParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        return FusedThresholdRun.Supports(inputs)
            ? FusedThresholdRun.Run(inputs, new ThresholdDynamics(Charge(parameters), Threshold, Reset, DetachReset, surrogate))
            : NeuronStepping.Run(inputs, CreateState(inputs[0]), (input, state) => Step(input, state, parameters));
    }

    /// <summary>How H(t) follows from V(t−1) and X(t) with the layer's parameters.</summary>
    protected abstract MembraneCharge Charge(NeuronParameters parameters);
}

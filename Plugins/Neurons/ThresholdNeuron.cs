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
        if (!double.IsFinite(threshold) || threshold <= 0)
            throw new PluginOptionsException(
                "threshold", $"threshold must be a positive number (the membrane potential at which the neuron fires); got {threshold}.");
        if (!Enum.IsDefined(reset))
            throw new PluginOptionsException("reset", $"reset must be 'soft' or 'hard'; got {reset}.");
        ArgumentNullException.ThrowIfNull(surrogate);
        Threshold = threshold;
        Reset = reset;
        DetachReset = detachReset;
        this.surrogate = surrogate;
    }

    public double Threshold { get; }

    public ResetMode Reset { get; }

    public bool DetachReset { get; }

    /// <summary>V(−1) = 0.</summary>
    public NeuronState CreateState(Tensor input) => new(zeros_like(input));

    public NeuronStep Step(Tensor input, NeuronState state)
    {
        var membrane = state.Membrane;
        if (!membrane.shape.SequenceEqual(input.shape))
            throw new ArgumentException(
                $"The neuron state has shape [{string.Join(", ", membrane.shape)}] but the input has shape " +
                $"[{string.Join(", ", input.shape)}]; create the state from an input of this layer.", nameof(state));

        var charged = Charge(input, membrane);
        var spikes = Fire(charged);
        return new NeuronStep(spikes, new NeuronState(ResetAfter(charged, spikes)));
    }

    /// <summary>All timesteps of <paramref name="inputs"/> <c>[T, ...]</c>: fused when possible, equal to stepping.</summary>
    public Tensor Run(Tensor inputs) => Run(inputs, NeuronParameters.None);

    /// <summary>
    /// All timesteps with the layer's <paramref name="parameters"/>: the fused kernel with
    /// <see cref="FusedCharge"/> of them, or, when there is none or the inputs are not CPU float32/float64,
    /// the step-by-step loop.
    /// </summary>
    public Tensor Run(Tensor inputs, NeuronParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        var charge = FusedThresholdRun.Supports(inputs) ? FusedCharge(parameters) : null;
        return charge is null
            ? RunByStepping(inputs, parameters)
            : FusedThresholdRun.Run(inputs, new ThresholdDynamics(charge, Threshold, Reset, DetachReset, surrogate));
    }

    /// <summary>H(t) from the input X(t) and the membrane potential V(t−1).</summary>
    protected abstract Tensor Charge(Tensor input, Tensor membrane);

    /// <summary>
    /// <see cref="Charge"/> as data for the fused kernel, with the same floating-point operations; null (the
    /// default) when the charge has no such form, and <see cref="Run(Tensor)"/> then steps.
    /// </summary>
    protected virtual MembraneCharge? FusedCharge(NeuronParameters parameters) => null;

    /// <summary>The contract's default loop: <see cref="INeuronModel.Step(Tensor, NeuronState, NeuronParameters)"/> for t = 0 … T−1.</summary>
    private Tensor RunByStepping(Tensor inputs, NeuronParameters parameters)
    {
        INeuronModel model = this;
        var timesteps = (int)inputs.shape[0];
        var state = CreateState(inputs[0]);
        var spikes = new Tensor[timesteps];
        for (var t = 0; t < timesteps; t++)
        {
            var step = model.Step(inputs[t], state, parameters);
            spikes[t] = step.Spikes;
            state = step.State;
        }
        return stack(spikes);
    }

    /// <summary>S(t) = Θ(H(t) − θ), differentiated through the surrogate.</summary>
    private Tensor Fire(Tensor charged) => surrogate.Spike(charged - Threshold);

    /// <summary>V(t): soft H − θ·S, or hard H·(1 − S); S detached from the graph when asked.</summary>
    private Tensor ResetAfter(Tensor charged, Tensor spikes)
    {
        var resetSpikes = DetachReset ? spikes.detach() : spikes;
        return Reset == ResetMode.Soft
            ? charged - resetSpikes * Threshold
            : charged * (1.0 - resetSpikes);
    }
}

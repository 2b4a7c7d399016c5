using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// A neuron whose timestep is charge → fire → reset, with the membrane potential as its only state.
/// Subclasses state how the membrane charges; firing through the surrogate and the reset are shared.
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

    /// <summary>H(t) from the input X(t) and the membrane potential V(t−1).</summary>
    protected abstract Tensor Charge(Tensor input, Tensor membrane);

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

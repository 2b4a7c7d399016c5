using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The adaptive LIF neuron in the form of Bellec et al., "Long short-term memory and learning-to-learn in networks
/// of spiking neurons" (NeurIPS 2018) and Yin et al., "Accurate and efficient time-domain classification with adaptive
/// spiking recurrent neural networks" (Nature Machine Intelligence 2021), on the decay-input LIF membrane of
/// <c>lif</c>. Each neuron has a threshold that rises with its recent spikes and relaxes back to θ₀:
/// <code>
/// threshold:  θ(t) = θ₀ + β·a(t)
/// charge:     H(t) = V(t−1) + (X(t) − V(t−1))/τ
/// fire:       S(t) = Θ(H(t) − θ(t))
/// reset:      V(t) = H(t) − θ(t)·S(t)   soft        V(t) = H(t)·(1 − S(t))   hard
/// adaptation: a(t+1) = ρ·a(t) + (1 − ρ)·S(t)
/// </code>
/// from V(−1) = 0 and a(0) = 0, so a is an exponentially filtered spike train (a rate in [0, 1]). The state after
/// step t holds a(t+1) under <see cref="AdaptationKey"/>. The spikes reach a with their surrogate gradient, so
/// training sees the threshold's dependence on earlier spikes; <c>detach_reset</c> only affects V's reset.
/// </summary>
[Plugin("alif", Description = "Adaptive-threshold LIF (Bellec et al. 2018): LIF with threshold theta0 + beta*a, a = rho*a + (1 - rho)*S filtering the neuron's own spikes.")]
internal sealed class AlifNeuron : INeuronModel
{
    /// <summary>The state key of the adaptation variable a (for the next step).</summary>
    public const string AdaptationKey = "adaptation";

    private readonly ISurrogateGradient surrogate;

    /// <summary>The membrane charges as the <c>lif</c> neuron's does.</summary>
    private readonly MembraneCharge.LeakByTau charge;

    public AlifNeuron(AlifOptions options, ISurrogateGradient surrogate)
    {
        Tau = NeuronOptionChecks.Tau(options.Tau);
        Threshold = NeuronOptionChecks.Threshold(options.Threshold);
        Beta = NeuronOptionChecks.NonNegative(options.Beta, "beta", "how far the threshold rises at one spike per step");
        Rho = NeuronOptionChecks.InRange(options.Rho, "rho", 0, 1, "the share of the adaptation kept each step");
        Reset = NeuronOptionChecks.Reset(options.Reset);
        ArgumentNullException.ThrowIfNull(surrogate);
        DetachReset = options.DetachReset;
        this.surrogate = surrogate;
        charge = new MembraneCharge.LeakByTau(Tau);
    }

    public double Tau { get; }

    /// <summary>θ₀, the baseline threshold.</summary>
    public double Threshold { get; }

    public double Beta { get; }

    public double Rho { get; }

    public ResetMode Reset { get; }

    public bool DetachReset { get; }

    /// <summary>V(−1) = 0 and a(0) = 0.</summary>
    public NeuronState CreateState(Tensor input) => new(new Dictionary<string, Tensor>
    {
        [NeuronState.MembraneKey] = zeros_like(input),
        [AdaptationKey] = zeros_like(input),
    });

    public NeuronStep Step(Tensor input, NeuronState state)
    {
        var membrane = state.Membrane;
        var adaptation = state[AdaptationKey];
        StateShape.EnsureMatches(membrane, input, NeuronState.MembraneKey);
        StateShape.EnsureMatches(adaptation, input, AdaptationKey);

        var threshold = adaptation * Beta + Threshold;
        var charged = charge.Apply(membrane, input);
        var spikes = surrogate.Spike(charged - threshold);
        var reset = MembraneReset.Apply(charged, spikes, threshold, Reset, DetachReset);
        var nextAdaptation = adaptation * Rho + spikes * (1.0 - Rho);

        return new NeuronStep(spikes, new NeuronState(new Dictionary<string, Tensor>
        {
            [NeuronState.MembraneKey] = reset,
            [AdaptationKey] = nextAdaptation,
        }));
    }
}

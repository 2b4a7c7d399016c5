using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The complementary LIF neuron of Huang et al., "CLIF: Complementary Leaky Integrate-and-Fire Neuron for Spiking
/// Neural Networks" (ICML 2024), as defined in the paper and its reference implementation
/// (github.com/HuuYuLong/Complementary-LIF). Besides the membrane potential V it keeps a complementary potential M;
/// with γ = 1 − 1/τ, one timestep is
/// <code>
/// charge:      H(t) = γ·V(t−1) + X(t)                      (X(t)/τ with decay_input)
/// forming:     M'(t) = M(t−1)·sigmoid(H(t)/τ)
/// fire:        S(t) = Θ(H(t) − θ)
/// strengthen:  M(t) = M'(t) + S(t)
/// reset:       V(t) = H(t) − S(t)·(θ + sigmoid(M(t)))       soft, the paper's
///              V(t) = H(t)·(1 − S(t)) − S(t)·sigmoid(M(t))   hard (reset potential 0, then the same extra drop)
/// </code>
/// starting from V(−1) = M(−1) = 0. M decays while the membrane is low and grows with every spike, so a neuron that
/// has fired recently resets deeper; its paths through sigmoid carry gradient across time that the LIF's decay loses.
/// With <c>detach_reset</c> the spike is detached where it enters V's reset (both terms); M's strengthening keeps it.
/// </summary>
[Plugin("clif", Description = "Complementary LIF (Huang et al. 2024): H = (1 - 1/tau)V + X; a complementary potential M decays by sigmoid(H/tau), grows by each spike, and deepens the reset by sigmoid(M).")]
internal sealed class ClifNeuron : INeuronModel
{
    /// <summary>The state key of the complementary potential M.</summary>
    public const string ComplementaryKey = "complementary";

    private readonly ISurrogateGradient surrogate;

    public ClifNeuron(ClifOptions options, ISurrogateGradient surrogate)
    {
        Tau = NeuronOptionChecks.Tau(options.Tau);
        Threshold = NeuronOptionChecks.Threshold(options.Threshold);
        Reset = NeuronOptionChecks.Reset(options.Reset);
        ArgumentNullException.ThrowIfNull(surrogate);
        DetachReset = options.DetachReset;
        DecayInput = options.DecayInput;
        this.surrogate = surrogate;
    }

    public double Tau { get; }

    public double Threshold { get; }

    public ResetMode Reset { get; }

    public bool DetachReset { get; }

    public bool DecayInput { get; }

    /// <summary>V(−1) = 0 and M(−1) = 0.</summary>
    public NeuronState CreateState(Tensor input) => new(new Dictionary<string, Tensor>
    {
        [NeuronState.MembraneKey] = zeros_like(input),
        [ComplementaryKey] = zeros_like(input),
    });

    public NeuronStep Step(Tensor input, NeuronState state)
    {
        var membrane = state.Membrane;
        var complementary = state[ComplementaryKey];
        StateShape.EnsureMatches(membrane, input, NeuronState.MembraneKey);
        StateShape.EnsureMatches(complementary, input, ComplementaryKey);

        var charged = membrane * (1.0 - 1.0 / Tau) + (DecayInput ? input / Tau : input);
        var formed = complementary * sigmoid(charged / Tau);
        var spikes = surrogate.Spike(charged - Threshold);
        var strengthened = formed + spikes;

        var extraDrop = MembraneReset.Spikes(spikes, DetachReset) * sigmoid(strengthened);
        var reset = MembraneReset.Apply(charged, spikes, Threshold, Reset, DetachReset) - extraDrop;

        return new NeuronStep(spikes, new NeuronState(new Dictionary<string, Tensor>
        {
            [NeuronState.MembraneKey] = reset,
            [ComplementaryKey] = strengthened,
        }));
    }
}

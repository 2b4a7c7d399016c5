using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The parametric LIF neuron of Fang et al., "Incorporating Learnable Membrane Time Constant to Enhance
/// Learning of Spiking Neural Networks" (ICCV 2021), in its decay-input form:
/// H(t) = V(t−1) + (X(t) − V(t−1))·k, k = sigmoid(w) = 1/τ, then S(t) = Θ(H(t) − θ) and a soft or hard reset.
/// w is one learnable value per layer, an engine-owned parameter (<see cref="DecayLogit"/>) that starts at
/// −ln(τ₀ − 1); the sigmoid keeps τ in (1, ∞) whatever w becomes.
/// </summary>
[Plugin("plif", Description = "Parametric LIF (Fang et al. 2021): H = V + (X - V)*sigmoid(w), w learned per layer from init_tau; fire at H >= threshold, soft or hard reset.")]
internal sealed class PlifNeuron : INeuronModel
{
    /// <summary>The name of the learned w, with sigmoid(w) = 1/τ.</summary>
    public const string DecayLogit = "w";

    private readonly ISurrogateGradient surrogate;

    public PlifNeuron(PlifOptions options, ISurrogateGradient surrogate)
    {
        // τ₀ = 1 would need w = +∞; any τ₀ > 1 has a finite w.
        if (!double.IsFinite(options.InitTau) || options.InitTau <= 1)
            throw new PluginOptionsException(
                "init_tau", $"init_tau must be a finite number > 1 (the initial membrane time constant; sigmoid(w) = 1/tau " +
                            $"reaches 1 only at w = ∞); got {options.InitTau}.");
        Threshold = NeuronOptionChecks.Threshold(options.Threshold);
        Reset = NeuronOptionChecks.Reset(options.Reset);
        ArgumentNullException.ThrowIfNull(surrogate);
        InitialTau = options.InitTau;
        DetachReset = options.DetachReset;
        this.surrogate = surrogate;
        Parameters = [new NeuronParameter(DecayLogit, ParameterShape.Scalar, -Math.Log(InitialTau - 1))];
    }

    public double InitialTau { get; }

    public double Threshold { get; }

    public ResetMode Reset { get; }

    public bool DetachReset { get; }

    /// <summary>One scalar w per layer.</summary>
    public IReadOnlyList<NeuronParameter> Parameters { get; }

    /// <summary>V(−1) = 0.</summary>
    public NeuronState CreateState(Tensor input) => new(zeros_like(input));

    /// <summary>A step with w at its initial value, outside a network.</summary>
    public NeuronStep Step(Tensor input, NeuronState state) => Step(input, state, NeuronParameters.Initial(Parameters));

    public NeuronStep Step(Tensor input, NeuronState state, NeuronParameters parameters)
    {
        var membrane = state.Membrane;
        StateShape.EnsureMatches(membrane, input, NeuronState.MembraneKey);
        var decay = sigmoid(parameters[DecayLogit]);
        var charged = membrane + (input - membrane) * decay;
        var spikes = surrogate.Spike(charged - Threshold);
        return new NeuronStep(spikes, new NeuronState(MembraneReset.Apply(charged, spikes, Threshold, Reset, DetachReset)));
    }
}

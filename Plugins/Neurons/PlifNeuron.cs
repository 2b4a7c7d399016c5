using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The parametric LIF neuron of Fang et al., "Incorporating Learnable Membrane Time Constant to Enhance
/// Learning of Spiking Neural Networks" (ICCV 2021), in its decay-input form:
/// H(t) = V(t−1) + (X(t) − V(t−1))·k, k = sigmoid(w) = 1/τ, then S(t) = Θ(H(t) − θ) and a soft or hard reset.
/// w is one learnable value per layer, an engine-owned parameter (<see cref="DecayLogit"/>) that starts at
/// −ln(τ₀ − 1); the sigmoid keeps τ in (1, ∞) whatever w becomes. <c>Run</c> uses the fused multi-step
/// kernel, which also returns dL/dw.
/// </summary>
[Plugin("plif", Description = "Parametric LIF (Fang et al. 2021): H = V + (X - V)*sigmoid(w), w learned per layer from init_tau; fire at H >= threshold, soft or hard reset.")]
internal sealed class PlifNeuron : ThresholdNeuron
{
    /// <summary>The name of the learned w, with sigmoid(w) = 1/τ.</summary>
    public const string DecayLogit = "w";

    public PlifNeuron(PlifOptions options, ISurrogateGradient surrogate)
        : base(options.Threshold, options.Reset, options.DetachReset, surrogate)
    {
        // τ₀ = 1 would need w = +∞; any τ₀ > 1 has a finite w.
        if (!double.IsFinite(options.InitTau) || options.InitTau <= 1)
            throw new PluginOptionsException(
                "init_tau", $"init_tau must be a finite number > 1 (the initial membrane time constant; sigmoid(w) = 1/tau " +
                            $"reaches 1 only at w = ∞); got {options.InitTau}.");
        InitialTau = options.InitTau;
        Parameters = [new NeuronParameter(DecayLogit, ParameterShape.Scalar, -Math.Log(InitialTau - 1))];
    }

    public double InitialTau { get; }

    /// <summary>One scalar w per layer.</summary>
    public override IReadOnlyList<NeuronParameter> Parameters { get; }

    /// <summary>H = V + (X − V)·k with k = sigmoid(w) = 1/τ.</summary>
    protected override MembraneCharge Charge(NeuronParameters parameters) => new MembraneCharge.LeakByDecay(sigmoid(parameters[DecayLogit]));
}

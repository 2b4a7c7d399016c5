using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Network;

/// <summary>
/// A parametric LIF neuron for the engine tests that declares the parameters it is given, and uses each one it
/// declared: H = V + (g·X − V)·σ(w), S = [H ≥ θ] with the ATan surrogate gradient, soft reset V = H − θ·S.
/// w is <see cref="TauLogit"/> (σ(w) = 1/τ; 1/2 when not declared), θ is <see cref="Threshold"/> (1 when not
/// declared) and g is <see cref="Gain"/> (1 when not declared).
/// </summary>
internal sealed class LearnableNeuron(params NeuronParameter[] declarations) : INeuronModel
{
    public const string TauLogit = "tau_logit";
    public const string Threshold = "threshold";
    public const string Gain = "gain";

    private static readonly ISurrogateGradient Surrogate = SurrogateGradients.Create("atan");

    /// <summary>w = −ln(τ₀ − 1), so that σ(w) = 1/τ₀, as in the parametric LIF neuron.</summary>
    public static NeuronParameter ScalarTau(double tau) => new(TauLogit, ParameterShape.Scalar, -Math.Log(tau - 1));

    public static NeuronParameter PerChannelThreshold(double initial) => new(Threshold, ParameterShape.PerChannel, initial);

    public static NeuronParameter ScalarGain(double initial) => new(Gain, ParameterShape.Scalar, initial);

    public IReadOnlyList<NeuronParameter> Parameters => declarations;

    public NeuronState CreateState(Tensor input) => new(zeros_like(input));

    public NeuronStep Step(Tensor input, NeuronState state) => Step(input, state, NeuronParameters.Initial(declarations));

    public NeuronStep Step(Tensor input, NeuronState state, NeuronParameters parameters)
    {
        var decay = Declares(TauLogit) ? sigmoid(parameters[TauLogit]) : tensor(0.5f);
        var threshold = Declares(Threshold) ? parameters[Threshold] : tensor(1f);
        var current = Declares(Gain) ? input * parameters[Gain] : input;
        var membrane = state.Membrane;
        var charged = membrane + (current - membrane) * decay;
        var spikes = Surrogate.Spike(charged - threshold);
        return new NeuronStep(spikes, new NeuronState(charged - spikes * threshold));
    }

    private bool Declares(string name) => declarations.Any(d => d.Name == name);
}

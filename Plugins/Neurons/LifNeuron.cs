using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The leaky integrate-and-fire neuron in SpikingJelly's decay-input form, the paper's neuron:
/// H(t) = V(t−1) + (X(t) − V(t−1))/τ, then fire and reset. <c>Run</c> uses the fused multi-step kernel.
/// </summary>
[Plugin("lif", Description = "Leaky integrate-and-fire: H = V + (X - V)/tau, fire at H >= threshold, soft or hard reset.")]
internal sealed class LifNeuron : ThresholdNeuron
{
    private readonly MembraneCharge charge;

    public LifNeuron(LifOptions options, ISurrogateGradient surrogate)
        : base(options.Threshold, options.Reset, options.DetachReset, surrogate)
    {
        // With decay_input the membrane keeps the fraction 1 − 1/τ of its value each step: τ < 1 would make
        // that negative (an oscillating, not leaking, membrane) and τ = ∞ is the IF neuron.
        if (!double.IsFinite(options.Tau) || options.Tau < 1)
            throw new PluginOptionsException(
                "tau", $"tau must be a finite number ≥ 1 (the membrane keeps 1 − 1/tau of its potential each step; " +
                       $"use the 'if' neuron for no leak); got {options.Tau}.");
        Tau = options.Tau;
        charge = new MembraneCharge.LeakByTau(Tau);
    }

    public double Tau { get; }

    protected override MembraneCharge Charge(NeuronParameters parameters) => charge;
}

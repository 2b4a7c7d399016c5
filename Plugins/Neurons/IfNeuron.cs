using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Neurons;

/// <summary>The integrate-and-fire neuron, without leak: H(t) = V(t−1) + X(t), then fire and reset; <c>Run</c> uses the fused multi-step kernel.</summary>
[Plugin("if", Description = "Integrate-and-fire without leak: H = V + X, fire at H >= threshold, soft or hard reset.")]
internal sealed class IfNeuron(IfOptions options, ISurrogateGradient surrogate)
    : ThresholdNeuron(options.Threshold, options.Reset, options.DetachReset, surrogate)
{
    private static readonly MembraneCharge Integrate = new MembraneCharge.Integrate();

    protected override MembraneCharge Charge(NeuronParameters parameters) => Integrate;
}

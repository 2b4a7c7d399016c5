using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureNeuron;

/// <summary>
/// A test LIF neuron, H(t) = V(t−1) + (X(t) − V(t−1))/τ, firing at H ≥ θ with a soft reset, whose threshold is a
/// constant of the build: θ = 1 / revision (<see cref="FixtureBuild"/>), so each rebuild fires differently.
/// </summary>
[Plugin("fixture-lif", Description = "Test fixture: LIF whose threshold is 1 / the build's revision.")]
internal sealed class FixtureLif : INeuronModel
{
    private readonly double tau;
    private readonly ISurrogateGradient surrogate;
    private int calls;

    public FixtureLif(FixtureLifOptions options, ISurrogateGradient surrogate)
    {
        FixtureBuild.ConstructorFault("fixture-lif");
        if (!double.IsFinite(options.Tau) || options.Tau < 1)
            throw new PluginOptionsException("tau", $"tau must be a finite number >= 1, got {options.Tau}.");
        tau = options.Tau;
        this.surrogate = surrogate;
    }

    /// <summary>θ, the firing threshold of this build.</summary>
    public static double Threshold => 1.0 / FixtureBuild.Revision;

    public NeuronState CreateState(torch.Tensor input) => new(torch.zeros_like(input));

    public NeuronStep Step(torch.Tensor input, NeuronState state)
    {
        var charged = state.Membrane + (input - state.Membrane) / tau;
        var spikes = surrogate.Spike(charged - Threshold);
        return new NeuronStep(spikes, new NeuronState(charged - spikes * Threshold));
    }

    /// <summary>The default loop over <see cref="Step"/>, counting calls for the build's fault.</summary>
    public torch.Tensor Run(torch.Tensor inputs)
    {
        FixtureBuild.CallFault("fixture-lif", ++calls);
        var state = CreateState(inputs[0]);
        var spikes = new torch.Tensor[inputs.shape[0]];
        for (var t = 0; t < spikes.Length; t++)
        {
            var step = Step(inputs[t], state);
            spikes[t] = step.Spikes;
            state = step.State;
        }
        return torch.stack(spikes);
    }
}

using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Firing;

/// <summary>
/// An integrate-and-fire neuron written as a third party might write a plugin: V ← V + X, S = [V ≥ 1], then a hard
/// reset V ← V·(1 − S); no leak and no surrogate (forward only), so spike counts can be worked out by hand. Its
/// <see cref="Run(Tensor)"/> is its own loop, not the contract's, as a fused kernel's would be, so multi-step mode
/// measures spikes that never went through <see cref="Step"/>. <see cref="RunCalls"/> and <see cref="StepCalls"/> tell
/// which path ran.
/// </summary>
internal sealed class HardResetNeuron : INeuronModel
{
    public int RunCalls { get; private set; }

    public int StepCalls { get; private set; }

    public NeuronState CreateState(Tensor input) => new(zeros_like(input));

    public NeuronStep Step(Tensor input, NeuronState state)
    {
        StepCalls++;
        var charged = state.Membrane + input;
        var spikes = charged.ge(1.0).to(input.dtype);
        return new NeuronStep(spikes, new NeuronState(charged * (1 - spikes)));
    }

    public Tensor Run(Tensor inputs)
    {
        RunCalls++;
        var membrane = zeros_like(inputs[0]);
        var spikes = new Tensor[inputs.shape[0]];
        for (var t = 0; t < spikes.Length; t++)
        {
            membrane = membrane + inputs[t];
            var fired = membrane.ge(1.0);
            spikes[t] = fired.to(inputs.dtype);
            membrane = membrane.masked_fill(fired, 0.0);
        }
        return stack(spikes);
    }
}

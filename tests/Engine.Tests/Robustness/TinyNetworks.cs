using Neuromorph.Abstractions;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Tests.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Robustness;

/// <summary>Tiny csnn networks on 8x8 images for the robustness tests.</summary>
internal static class TinyNetworks
{
    /// <summary>A csnn whose LIF neurons spike through <paramref name="surrogate"/> (H = V + (X − V)/2, soft reset).</summary>
    public static SpikingNetwork Csnn(ISurrogateGradient surrogate, int timesteps = 3, long seed = 5)
    {
        manual_seed(seed);
        var spec = new ModelSpec("csnn", timesteps, [1, SyntheticImages.Side, SyntheticImages.Side], 10, [3, 4], 6, 0.1, 0.25);
        return ModelCatalog.Build(spec, new SurrogateLif(surrogate));
    }

    /// <summary>
    /// A "spike" that is smooth in the forward pass too, σ(4x), with its exact derivative: a network built on it
    /// is a differentiable function, so its BPTT gradient can be checked against finite differences.
    /// </summary>
    internal sealed class SmoothSpike : ISurrogateGradient
    {
        public string Name => "smooth-sigmoid";

        public Tensor Spike(Tensor x) => sigmoid(4 * x);

        public Tensor Derivative(Tensor x)
        {
            var s = sigmoid(4 * x);
            return 4 * s * (1 - s);
        }
    }

    private sealed class SurrogateLif(ISurrogateGradient surrogate) : INeuronModel
    {
        public NeuronState CreateState(Tensor input) => new(zeros_like(input));

        public NeuronStep Step(Tensor input, NeuronState state)
        {
            var charged = state.Membrane + (input - state.Membrane) / 2.0;
            var spikes = surrogate.Spike(charged - 1.0);
            return new NeuronStep(spikes, new NeuronState(charged - spikes));
        }
    }
}

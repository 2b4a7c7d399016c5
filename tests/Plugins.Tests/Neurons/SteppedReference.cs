using Neuromorph.Abstractions;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>
/// The step-by-step autograd paths the fused kernel must equal: the contract's default <c>INeuronModel.Run</c>
/// loop over <c>Step</c>, and the PLIF form H = V + (X − V)·k written out with the surrogate's spike function.
/// </summary>
internal static class SteppedReference
{
    /// <summary>
    /// The default <c>INeuronModel.Run</c>: <c>Step</c> for t = 0 … T−1 from <c>CreateState</c>, stacked; with
    /// <paramref name="parameters"/> the layer's parameters, else their initial values.
    /// </summary>
    public static Tensor Run(INeuronModel model, Tensor inputs, NeuronParameters? parameters = null)
    {
        parameters ??= NeuronParameters.Initial(model.Parameters);
        var state = model.CreateState(inputs[0]);
        var spikes = new Tensor[inputs.shape[0]];
        for (var t = 0; t < spikes.Length; t++)
        {
            var step = model.Step(inputs[t], state, parameters);
            spikes[t] = step.Spikes;
            state = step.State;
        }
        return stack(spikes);
    }

    /// <summary>
    /// H(t) = V + (X(t) − V)·k, S = surrogate.Spike(H − θ), V = H − θ·S or H·(1 − S), with S detached in the
    /// reset when asked: the single-step operations a PLIF neuron on <c>ThresholdNeuron</c> performs.
    /// </summary>
    public static Tensor RunDecayLeak(Tensor inputs, Tensor decay, double threshold, ResetMode reset, bool detachReset, ISurrogateGradient surrogate)
    {
        var membrane = zeros_like(inputs[0]);
        var spikes = new Tensor[inputs.shape[0]];
        for (var t = 0; t < spikes.Length; t++)
        {
            var charged = membrane + (inputs[t] - membrane) * decay;
            spikes[t] = surrogate.Spike(charged - threshold);
            var resetSpikes = detachReset ? spikes[t].detach() : spikes[t];
            membrane = reset == ResetMode.Soft ? charged - resetSpikes * threshold : charged * (1.0 - resetSpikes);
        }
        return stack(spikes);
    }

    /// <summary>Whether the two tensors have the same shape and exactly the same values.</summary>
    public static bool SameValues(Tensor actual, Tensor expected)
    {
        using var scope = NewDisposeScope();
        return actual.shape.SequenceEqual(expected.shape) && actual.eq(expected).all().item<bool>();
    }

    /// <summary>max |actual − expected| / max |expected| (0 when both are 0): one number for a whole tensor.</summary>
    public static double RelativeError(Tensor actual, Tensor expected)
    {
        using var scope = NewDisposeScope();
        actual.shape.Should().Equal(expected.shape);
        var scale = expected.abs().max().to_type(float64).item<double>();
        var error = (actual.to_type(float64) - expected.to_type(float64)).abs().max().item<double>();
        return scale == 0 ? error : error / scale;
    }

    /// <summary>Uniform values in [low, high) from a seeded generator, shaped <paramref name="shape"/>.</summary>
    public static Tensor Uniform(int seed, ScalarType dtype, double low, double high, params long[] shape)
    {
        var random = new Random(seed);
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        var values = Enumerable.Range(0, count).Select(_ => low + (high - low) * random.NextDouble()).ToArray();
        return tensor(values, dtype: float64).reshape(shape).to_type(dtype);
    }
}

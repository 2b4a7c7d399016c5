namespace Neuromorph.Engine.Network;

/// <summary>
/// Counts one neuron layer's spikes during a counted forward pass (<see cref="SpikingNetwork.ForwardCounting"/>): per
/// timestep, the sum over the batch (or every <c>sampleStride</c>-th sample of it) and the layer's neurons
/// (<see cref="SpikeSums"/>). It sees the spikes the layer returns, whatever neuron model made them, so every plugin is
/// measured without its cooperation. It keeps no tensor.
/// </summary>
internal sealed class SpikeCounter(int sampleStride)
{
    private readonly List<double> perTimestep = [];
    private long neurons;
    private long samples;

    /// <summary>Adds spikes <c>[T', B, ...]</c> of T' timesteps (all T in multi-step mode, one in single-step mode).</summary>
    /// <exception cref="InvalidOperationException">The layer ran on another batch or number of neurons earlier in the pass.</exception>
    public void Add(string layer, TorchSharp.torch.Tensor spikes)
    {
        var (timesteps, size) = (spikes.shape[0], spikes.shape[1]);
        var perSample = spikes.numel() / (timesteps * size);
        var counted = (size + sampleStride - 1) / sampleStride;
        if (perTimestep.Count > 0 && (perSample != neurons || counted != samples))
            throw new InvalidOperationException(
                $"Neuron layer '{layer}' ran on {counted} counted samples of {perSample} neurons after {samples} samples of {neurons} neurons in one pass.");
        (neurons, samples) = (perSample, counted);
        perTimestep.AddRange(SpikeSums.PerTimestep(spikes, sampleStride));
    }

    /// <summary>What was counted, or null when the layer did not run.</summary>
    public LayerFiring? Take() =>
        perTimestep.Count == 0 ? null : new LayerFiring { Neurons = neurons, Samples = samples, Spikes = perTimestep.ToArray() };
}

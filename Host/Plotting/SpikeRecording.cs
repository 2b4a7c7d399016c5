using Neuromorph.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Host.Plotting;

/// <summary>One spiking layer's output for one sample: which of its neurons fired at which timestep.</summary>
/// <param name="Layer">The layer's name (<c>spike1</c>, <c>layer1.0.spike2</c>).</param>
/// <param name="Neurons">The layer's neurons for one sample (channels × positions).</param>
/// <param name="Chosen">The neurons shown, by flat index (channel-major), ascending.</param>
/// <param name="Spikes">[shown neuron, timestep]: whether it spiked.</param>
/// <param name="FiringRate">The share of all the layer's neurons × timesteps that spiked for this sample.</param>
internal sealed record LayerSpikes(string Layer, long Neurons, long[] Chosen, bool[,] Spikes, double FiringRate);

/// <summary>
/// What a network's spiking layers emitted for one sample, captured with forward hooks on its <see cref="NeuronLayer"/>
/// modules (the network and the layers are not changed; the hooks are removed afterwards).
/// </summary>
/// <param name="Index">The sample's index in the test set.</param>
/// <param name="Label">Its class.</param>
/// <param name="Timesteps">T.</param>
/// <param name="Layers">Each spiking layer, in the network's order.</param>
internal sealed record SpikeRecording(int Index, long Label, int Timesteps, IReadOnlyList<LayerSpikes> Layers)
{
    /// <summary>
    /// Runs <paramref name="network"/> in evaluation mode, without gradients, on the first sample of <paramref name="sample"/>
    /// and keeps <paramref name="neuronsPerLayer"/> neurons of each spiking layer, spread over the layer (every one when it
    /// has fewer; see <see cref="Choose"/>), so the same run always shows the same neurons.
    /// </summary>
    public static SpikeRecording Of(SpikingNetwork network, Batch sample, int neuronsPerLayer)
    {
        var layers = network.NeuronLayers;
        var captured = layers.Select(_ => new List<float>()).ToArray();
        var hooks = layers.Select((layer, i) => layer.register_forward_hook((_, _, output) =>
        {
            // Multi-step mode: one call with [T*B, ...], time-major; single-step: T calls of [B, ...]. With B = 1 both
            // concatenate to the sample's T timesteps in order.
            captured[i].AddRange(output.detach().to(float32).cpu().data<float>().ToArray());
            return output;
        })).ToArray();
        var wasTraining = network.training;
        var timesteps = network.Timesteps;
        var index = sample.Indices[0];
        var label = sample.Labels[0];
        try
        {
            network.eval();
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var (inputs, _) = BatchTensors.From(sample, network.InputShape);
            if (sample.Timesteps > timesteps) inputs = inputs.narrow(0, 0, timesteps);
            network.forward(inputs);
        }
        finally
        {
            foreach (var hook in hooks) hook.remove();
            network.train(wasTraining);
        }
        return new SpikeRecording(index, label, timesteps, layers.Select((layer, i) => Keep(layer.GetName(), captured[i], timesteps, neuronsPerLayer)).ToArray());
    }

    /// <summary>
    /// <paramref name="count"/> of <paramref name="neurons"/> flat indices (all when there are no more), ascending: the
    /// golden-ratio sequence frac(1/2 + j/φ) scaled to the layer. It spreads them over the whole layer like evenly spaced
    /// indices would, without their fault: a stride of <paramref name="neurons"/>/32 falls on the same pixel of every
    /// channel (for a 16×28×28 layer, the image's left edge, where nothing fires). Deterministic: the same layer shape
    /// always shows the same neurons.
    /// </summary>
    public static long[] Choose(long neurons, int count)
    {
        if (neurons <= count) return Enumerable.Range(0, (int)neurons).Select(i => (long)i).ToArray();
        var chosen = new SortedSet<long>();
        for (var j = 0; chosen.Count < count; j++)
        {
            var position = 0.5 + j * 0.6180339887498949;
            chosen.Add((long)((position - Math.Floor(position)) * neurons));
        }
        return chosen.ToArray();
    }

    private static LayerSpikes Keep(string layer, List<float> values, int timesteps, int neuronsPerLayer)
    {
        if (values.Count == 0 || values.Count % timesteps != 0)
            throw new InvalidOperationException(
                $"Spiking layer '{layer}' emitted {values.Count} values for one sample over T = {timesteps} timesteps: expected a positive multiple of T.");
        var neurons = values.Count / timesteps;
        var chosen = Choose(neurons, neuronsPerLayer);
        var shown = chosen.Length;
        var spikes = new bool[shown, timesteps];
        for (var j = 0; j < shown; j++)
            for (var t = 0; t < timesteps; t++)
                spikes[j, t] = values[(int)(t * (long)neurons + chosen[j])] > 0;
        var rate = values.Count(v => v > 0) / (double)values.Count;
        return new LayerSpikes(layer, neurons, chosen, spikes, rate);
    }
}

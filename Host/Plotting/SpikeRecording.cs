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
    /// and keeps <paramref name="neuronsPerLayer"/> neurons of each spiking layer, evenly spaced over the layer (every one
    /// when it has fewer), so the same run always shows the same neurons.
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

    private static LayerSpikes Keep(string layer, List<float> values, int timesteps, int neuronsPerLayer)
    {
        if (values.Count == 0 || values.Count % timesteps != 0)
            throw new InvalidOperationException(
                $"Spiking layer '{layer}' emitted {values.Count} values for one sample over T = {timesteps} timesteps: expected a positive multiple of T.");
        var neurons = values.Count / timesteps;
        var shown = (int)Math.Min(neurons, neuronsPerLayer);
        // Evenly spaced, centred in their strides: over channels and positions alike, reproducibly.
        var chosen = Enumerable.Range(0, shown).Select(j => (long)((j + 0.5) * neurons / shown)).ToArray();
        var spikes = new bool[shown, timesteps];
        for (var j = 0; j < shown; j++)
            for (var t = 0; t < timesteps; t++)
                spikes[j, t] = values[(int)(t * (long)neurons + chosen[j])] > 0;
        var rate = values.Count(v => v > 0) / (double)values.Count;
        return new LayerSpikes(layer, neurons, chosen, spikes, rate);
    }
}

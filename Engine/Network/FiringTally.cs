using System.Text.Json.Serialization;

namespace Neuromorph.Engine.Network;

/// <summary>
/// Spikes counted over forward passes, per neuron layer (by name, in the network's order): at each timestep the spikes
/// summed over every sample and neuron, with the layer's neurons and the samples counted, from which the mean rates
/// follow. Sums of whole counts in double stay exact up to 2^53. An epoch's tally goes into checkpoints with its other
/// sums (<see cref="Training.EpochAccumulator"/>), so a resumed epoch reports the same rates.
/// </summary>
internal sealed class FiringTally
{
    public Dictionary<string, LayerFiring> Layers { get; set; } = [];

    /// <summary>Adds <paramref name="other"/>'s counts: passes of more samples weigh more.</summary>
    /// <exception cref="InvalidOperationException">A layer has other neurons or timesteps in <paramref name="other"/>.</exception>
    public void Add(FiringTally other)
    {
        foreach (var (name, counted) in other.Layers)
        {
            if (!Layers.TryGetValue(name, out var sum))
            {
                Layers[name] = new LayerFiring { Neurons = counted.Neurons, Samples = counted.Samples, Spikes = counted.Spikes.ToArray() };
                continue;
            }
            if (sum.Neurons != counted.Neurons || sum.Spikes.Length != counted.Spikes.Length)
                throw new InvalidOperationException(
                    $"Neuron layer '{name}' was counted with {sum.Neurons} neurons over {sum.Spikes.Length} timesteps, " +
                    $"then with {counted.Neurons} over {counted.Spikes.Length}.");
            sum.Samples += counted.Samples;
            for (var t = 0; t < sum.Spikes.Length; t++) sum.Spikes[t] += counted.Spikes[t];
        }
    }

    /// <summary>
    /// The mean spike rate of each layer at each timestep, spikes per neuron per timestep: layer → [T], each in [0, 1]
    /// for binary spikes.
    /// </summary>
    public Dictionary<string, double[]> Rates() =>
        Layers.ToDictionary(pair => pair.Key, pair => pair.Value.Spikes.Select(spikes => spikes / pair.Value.NeuronSamples).ToArray());
}

/// <summary>One layer's counts in a <see cref="FiringTally"/>.</summary>
internal sealed class LayerFiring
{
    /// <summary>The layer's neurons per sample (channels × height × width, or features).</summary>
    public long Neurons { get; set; }

    /// <summary>How many samples passed through the layer.</summary>
    public long Samples { get; set; }

    /// <summary>Spikes at each timestep, summed over the samples and the neurons: [T].</summary>
    public double[] Spikes { get; set; } = [];

    /// <summary>Neurons × samples: what a timestep's spikes are divided by to give its rate.</summary>
    [JsonIgnore]
    public double NeuronSamples => (double)Neurons * Samples;

    /// <summary>A sample's spikes over all timesteps and neurons, on average.</summary>
    [JsonIgnore]
    public double SpikesPerSample => Samples == 0 ? 0 : Spikes.Sum() / Samples;
}

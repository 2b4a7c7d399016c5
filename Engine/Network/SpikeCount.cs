using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>
/// The spikes of every neuron layer in one counted forward pass, still as tensors of the pass's dispose scope;
/// <see cref="Read"/> turns them into a <see cref="FiringTally"/> with one read-back, at a moment the caller chooses
/// (the training step reads it with the accuracy, after the optimizer step).
/// </summary>
internal sealed class SpikeCount(IReadOnlyList<LayerSpikeCount> layers)
{
    public IReadOnlyList<LayerSpikeCount> Layers => layers;

    public FiringTally Read()
    {
        var tally = new FiringTally();
        if (layers.Count == 0) return tally;
        using var all = cat(layers.Select(layer => layer.Sums).ToArray());
        var values = all.data<double>().ToArray();
        var offset = 0;
        foreach (var layer in layers)
        {
            var length = (int)layer.Sums.shape[0];
            tally.Layers[layer.Layer] = new LayerFiring { Neurons = layer.Neurons, Samples = layer.Samples, Spikes = values[offset..(offset + length)] };
            offset += length;
        }
        return tally;
    }
}

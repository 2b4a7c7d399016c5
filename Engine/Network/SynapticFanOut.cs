using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>
/// Which weight layers take each neuron layer's spikes, and the fan-out of one of its neurons: how many synaptic
/// operations one spike causes. With a tally of spikes it gives the synaptic operations (SynOps) per sample the SNN
/// literature reports: Σ over neuron layers of (spikes per sample) × (fan-out).
/// </summary>
/// <remarks>
/// <para>
/// The fan-out of a neuron is the sum over the weight layers its spikes reach: for a convolution, out_channels / groups
/// × kernel_h × kernel_w / (stride_h × stride_w), the synapses an input element drives on average with borders ignored
/// (a 3×3 convolution of stride 2 reads each input in 9/4 of its output positions; a transposed convolution writes each
/// input to a whole kernel, so its stride does not divide); for a linear layer, out_features.
/// Pooling, flattening and additions between a neuron layer and a weight layer are taken to pass each spike on once:
/// exact for average pooling of separate windows (one spike changes one pooled value, which the next layer reads); for
/// max pooling several spikes in one window make one event, and overlapping windows may pass a spike on more than once.
/// </para>
/// <para>
/// The map is traced, not declared, so it follows every architecture's forward code as written: a forward pass of one
/// sample in evaluation mode where each neuron layer's output is replaced by a fresh leaf tensor and each weight
/// layer's output is detached; a weight layer takes a neuron layer's spikes when its input's gradient reaches that
/// leaf. Identity shortcuts are followed too: in a SEW-ResNet a spike added to the residual stream reaches every block
/// up to the next downsampling, and counts once in each.
/// </para>
/// </remarks>
internal sealed class SynapticFanOut
{
    private SynapticFanOut(IReadOnlyDictionary<string, IReadOnlyList<SynapticTarget>> targets) => Targets = targets;

    /// <summary>Neuron layer name → the weight layers its spikes reach, in the network's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SynapticTarget>> Targets { get; }

    /// <summary>The fan-out of one neuron of <paramref name="layer"/>: the sum of its targets' fan-outs.</summary>
    public double Of(string layer) =>
        Targets.TryGetValue(layer, out var targets)
            ? targets.Sum(target => target.FanOut)
            : throw new ArgumentException($"'{layer}' is not a neuron layer of the traced network.", nameof(layer));

    /// <summary>Synaptic operations per sample of each counted layer: its spikes per sample × its fan-out.</summary>
    public Dictionary<string, double> OperationsPerSample(FiringTally firing) =>
        firing.Layers.ToDictionary(pair => pair.Key, pair => pair.Value.SpikesPerSample * Of(pair.Key));

    /// <summary>Traces <paramref name="network"/> (see the remarks); its mode and weights are left as they were.</summary>
    /// <exception cref="InvalidOperationException">A neuron layer is not reached through its module's <c>call</c>, so it cannot be traced.</exception>
    public static SynapticFanOut Trace(SpikingNetwork network)
    {
        var layers = network.NeuronLayers;
        var probes = new List<(int Layer, Tensor Leaf)>();
        var inputs = new List<(string Module, double FanOut, Tensor Sum)>();
        var removers = new List<Action>();
        for (var i = 0; i < layers.Count; i++)
        {
            var index = i;
            removers.Add(layers[i].register_forward_hook((_, _, spikes) =>
            {
                // Sequential disposes the tensors it passes between its modules: the network gets an alias, the trace
                // keeps the leaf.
                var leaf = spikes.detach().requires_grad_(true);
                probes.Add((index, leaf));
                return leaf.alias();
            }).remove);
        }
        foreach (var (name, module) in network.named_modules())
        {
            if (FanOut(module) is not { } fanOut) continue;
            removers.Add(((nn.Module<Tensor, Tensor>)module).register_forward_hook((_, input, output) =>
            {
                // Without a gradient the input is the network's or only weights' outputs: no spike reaches this layer.
                if (input.requires_grad) inputs.Add((name, fanOut, input.sum()));
                return output.detach();
            }).remove);
        }

        var wasTraining = network.training;
        network.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var gradients = enable_grad();
            var template = network.parameters().First();
            network.forward(zeros([1, .. network.InputShape], template.dtype, template.device));
            var unreached = layers.Where((_, i) => probes.All(probe => probe.Layer != i)).Select(layer => layer.GetName()).ToArray();
            if (unreached.Length > 0)
                throw new InvalidOperationException(
                    $"Neuron layers {string.Join(", ", unreached)} of '{network.GetName()}' were not called through call(), so their consumers cannot be traced.");
            return new SynapticFanOut(Connect(layers, probes, inputs));
        }
        finally
        {
            foreach (var remove in removers) remove();
            network.train(wasTraining);
        }
    }

    /// <summary>Each weight layer's input differentiated with respect to every neuron layer's leaf: reached or not.</summary>
    private static Dictionary<string, IReadOnlyList<SynapticTarget>> Connect(
        IReadOnlyList<NeuronLayer> layers, List<(int Layer, Tensor Leaf)> probes, List<(string Module, double FanOut, Tensor Sum)> inputs)
    {
        var targets = layers.Select(_ => new List<SynapticTarget>()).ToArray();
        var leaves = probes.Select(probe => probe.Leaf).ToArray();
        foreach (var (module, fanOut, sum) in inputs)
        {
            var reached = autograd.grad([sum], leaves, retain_graph: true, allow_unused: true);
            for (var i = 0; i < reached.Count; i++)
            {
                var target = new SynapticTarget(module, fanOut);
                var layer = targets[probes[i].Layer];
                if (!reached[i].IsInvalid && !layer.Contains(target)) layer.Add(target);
            }
        }
        return layers.Select((layer, i) => (layer.GetName(), (IReadOnlyList<SynapticTarget>)targets[i]))
            .ToDictionary(pair => pair.Item1, pair => pair.Item2);
    }

    /// <summary>A weight layer's fan-out per input element (see the remarks), or null for a module without synapses.</summary>
    private static double? FanOut(nn.Module module) => module switch
    {
        Convolution convolution =>
            (double)convolution.out_channels / convolution.groups
            * convolution.kernel_size.Aggregate(1L, (product, size) => product * size)
            / (convolution.transposed ? 1 : convolution.stride.Aggregate(1L, (product, stride) => product * stride)),
        Linear linear => linear.weight!.shape[0],
        _ => null,
    };
}

/// <summary>A weight layer that takes a neuron layer's spikes.</summary>
/// <param name="Module">Its path in the network, e.g. <c>body.conv2</c>.</param>
/// <param name="FanOut">The synaptic operations one input spike causes in it.</param>
internal sealed record SynapticTarget(string Module, double FanOut);

using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Models;

/// <summary>
/// What a network holds, worked out without allocating it: its learnable parameters, and the elements its layers output
/// for one sample over all T timesteps (what a training step keeps for the backward pass grows with these).
/// </summary>
/// <param name="Parameters">Learnable parameters: weights, biases, batch-norm scales and shifts, neuron parameters.</param>
/// <param name="ActivationElements">The output elements of every layer (every module without submodules) for one
/// sample over T timesteps.</param>
/// <param name="LargestActivation">The most output elements of one layer for one sample over T timesteps.</param>
internal sealed record ModelFootprint(long Parameters, long ActivationElements, long LargestActivation)
{
    /// <summary>
    /// The footprint of <paramref name="spec"/>'s network with <paramref name="neuron"/>. Parameters are counted on the
    /// meta device. Layer outputs cannot be: libtorch has no meta convolution ("convolution_overrideable not
    /// implemented"). But at a given T every layer's output is linear in each size (the base width, csnn's channels and
    /// hidden units) with no product of two, and linear in T at given sizes; so the network is run for real on one sample
    /// with every size at 1, then with each size at 2, at T = 1 and 2, and each layer's output is extrapolated to the
    /// configured sizes and T: kilobytes of work whatever the configured ones are.
    /// </summary>
    /// <param name="frameSequences">Inputs are T frames per sample (event data), not one image shown T times.</param>
    /// <exception cref="ArgumentException">As <see cref="ModelCatalog.Build"/>.</exception>
    public static ModelFootprint Measure(ModelSpec spec, INeuronModel neuron, bool frameSequences)
    {
        // The small networks draw their initial weights from the global generator: put it back, so that measuring
        // first leaves the seeded network that is built next unchanged.
        using var generator = get_rng_state();
        try
        {
            // Every body layer's output is T times a size, so T is extrapolated last, from the other sizes'
            // extrapolation at T = 1 and at T = 2.
            var once = Extrapolated(spec with { Timesteps = 1 }, frameSequences);
            var twice = Extrapolated(spec with { Timesteps = 2 }, frameSequences);
            var layers = once.Select((elements, i) => elements + (spec.Timesteps - 1.0) * (twice[i] - elements)).ToArray();
            return new ModelFootprint(ModelCatalog.ParameterCount(spec, neuron), Saturate(layers.Sum()), Saturate(layers.Max()));
        }
        finally
        {
            set_rng_state(generator);
        }
    }

    /// <summary>Each layer's output at <paramref name="spec"/>'s sizes, from runs at sizes 1 and 2 (T as given).</summary>
    private static double[] Extrapolated(ModelSpec spec, bool frameSequences)
    {
        var sizes = SizesOf(spec);
        var smallest = sizes.Aggregate(spec, (current, size) => size.Set(current, 1));
        var baseline = LayerOutputs(smallest, frameSequences);
        var layers = baseline.Select(elements => (double)elements).ToArray();
        foreach (var size in sizes)
        {
            var grown = LayerOutputs(size.Set(smallest, 2), frameSequences);
            for (var i = 0; i < layers.Length; i++)
                layers[i] += (size.Value - 1.0) * (grown[i] - baseline[i]);
        }
        return layers;
    }

    /// <summary>
    /// The output elements of each layer, in the order they run, when one sample goes through <paramref name="spec"/>'s
    /// network (built and run on the default device, in evaluation mode so batch norms take a single row). The spiking
    /// layers fire their input unchanged: their shapes without a plugin's dynamics.
    /// </summary>
    public static IReadOnlyList<long> LayerOutputs(ModelSpec spec, bool frameSequences)
    {
        using var scope = NewDisposeScope();
        using var network = ModelCatalog.Build(spec, new ShapeKeepingNeuron());
        network.eval();
        var outputs = new List<long>();
        var layers = network.modules().Where(module => !module.children().Any()).OfType<nn.Module<Tensor, Tensor>>();
        var hooks = layers.Select(layer => layer.register_forward_hook((_, _, output) =>
        {
            outputs.Add(output.numel());
            return output;
        })).ToArray();
        using (no_grad())
            network.forward(zeros(frameSequences ? [spec.Timesteps, 1, .. spec.InputShape] : [1, .. spec.InputShape]));
        foreach (var hook in hooks) hook.remove();
        return outputs;
    }

    /// <summary>The sizes a network's layer outputs are linear in, with the values <paramref name="spec"/> gives them.</summary>
    private static IReadOnlyList<Size> SizesOf(ModelSpec spec)
    {
        List<Size> sizes = [];
        var architecture = ModelCatalog.Find(spec.Name) ?? throw new ArgumentException($"Unknown model '{spec.Name}'.", nameof(spec));
        if (architecture.DefaultWidth > 0)
        {
            sizes.Add(new(spec.Width > 0 ? spec.Width : architecture.DefaultWidth, (s, v) => s with { Width = v }));
            return sizes;
        }
        for (var i = 0; i < spec.Channels.Count; i++)
        {
            var index = i;
            sizes.Add(new(spec.Channels[i], (s, v) => s with { Channels = [.. s.Channels.Select((c, j) => j == index ? v : c)] }));
        }
        sizes.Add(new(spec.Hidden, (s, v) => s with { Hidden = v }));
        return sizes;
    }

    private static long Saturate(double elements) => elements >= long.MaxValue ? long.MaxValue : (long)elements;

    /// <summary>One size of a spec: its configured value, and how to make a spec with another value.</summary>
    private sealed record Size(int Value, Func<ModelSpec, int, ModelSpec> Set);

    /// <summary>A neuron model that fires its input unchanged: the shapes of a spiking layer, none of its dynamics.</summary>
    private sealed class ShapeKeepingNeuron : INeuronModel
    {
        public NeuronState CreateState(Tensor input) => new(input);

        public NeuronStep Step(Tensor input, NeuronState state) => new(input, state);

        public Tensor Run(Tensor inputs) => inputs;
    }
}

using Neuromorph.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>
/// A spiking network that returns logits at every timestep, <c>[T, B, M]</c>. Each timestep is a submodel
/// with the same weights and a different neuron state.
/// </summary>
/// <remarks>
/// The network is an <em>encoder</em> (stateless layers before the first neuron layer) followed by a
/// <em>body</em>. With static images (direct encoding, input <c>[B, C, H, W]</c>) every timestep sees the
/// same image, so the encoder runs once and its output is repeated T times; batch-norm statistics are the
/// same either way. Event data (<c>[T, B, C, H, W]</c>) passes all frames through the encoder.
/// </remarks>
internal sealed class SpikingNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Sequential encoder;
    private readonly Sequential body;
    private readonly NeuronLayer[] neuronLayers;
    private readonly long[] inputShape;

    public SpikingNetwork(string name, int timesteps, long[] inputShape, int classCount, Sequential encoder, Sequential body)
        : base(name)
    {
        if (timesteps < 1) throw new ArgumentOutOfRangeException(nameof(timesteps), timesteps, "T must be at least 1.");
        this.encoder = encoder;
        this.body = body;
        this.inputShape = inputShape;
        ClassCount = classCount;
        Timesteps = timesteps;
        neuronLayers = body.modules().OfType<NeuronLayer>().ToArray();
        RegisterComponents();
    }

    /// <summary>T: how many timesteps a forward pass simulates (may be lowered for low-latency evaluation).</summary>
    public int Timesteps { get; set; }

    public SimulationMode Mode { get; set; } = SimulationMode.MultiStep;

    public int ClassCount { get; }

    /// <summary>One input sample's shape, <c>[C, H, W]</c>.</summary>
    public IReadOnlyList<long> InputShape => inputShape;

    public IReadOnlyList<NeuronLayer> NeuronLayers => neuronLayers;

    /// <summary>
    /// Runs <paramref name="next"/> in every neuron layer from now on (between iterations, outside any dispose
    /// scope). Each layer keeps the parameters whose declaration is unchanged and re-creates the others, on the
    /// network's device and element type (see <see cref="NeuronLayer.ReplaceModel"/>). Invalid declarations throw
    /// before any layer changes. Tell the optimizer with
    /// <see cref="Training.OptimizerFactory.Follow"/>, then dispose the result.
    /// </summary>
    public NeuronModelReplacement ReplaceNeuronModel(INeuronModel next)
    {
        NeuronParameterDeclarations.Read(next);
        var template = parameters().FirstOrDefault();
        var replacements = neuronLayers.Select(layer => layer.ReplaceModel(next, template?.device, template?.dtype)).ToArray();
        return new NeuronModelReplacement(
            replacements.SelectMany(r => r.Changes).ToArray(),
            replacements.SelectMany(r => r.Retired).ToArray());
    }

    /// <summary>
    /// <see cref="forward"/>, counting every neuron layer's spikes per timestep on the way: those of every
    /// <paramref name="sampleStride"/>-th sample of the batch (1: all). Forward passes made any other way (an attack's)
    /// count nothing.
    /// </summary>
    public (Tensor Logits, FiringTally Firing) ForwardCounting(Tensor input, int sampleStride = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleStride, 1);
        foreach (var layer in neuronLayers) layer.StartCounting(sampleStride);
        try
        {
            var logits = forward(input);
            var firing = new FiringTally();
            foreach (var layer in neuronLayers)
                if (layer.StopCounting() is { } counted) firing.Layers[layer.GetName()] = counted;
            return (logits, firing);
        }
        finally
        {
            foreach (var layer in neuronLayers) layer.StopCounting();
        }
    }

    public override Tensor forward(Tensor input)
    {
        ValidateInput(input);
        var isStatic = input.dim() == inputShape.Length + 1;
        var batch = isStatic ? input.shape[0] : input.shape[1];
        foreach (var layer in neuronLayers)
        {
            layer.Mode = Mode;
            layer.Timesteps = Timesteps;
            layer.ResetState();
        }

        return Mode == SimulationMode.MultiStep
            ? RunMultiStep(input, isStatic, batch)
            : RunSingleStep(input, isStatic);
    }

    private Tensor RunMultiStep(Tensor input, bool isStatic, long batch)
    {
        Tensor current;
        if (isStatic)
        {
            var encoded = encoder.forward(input);
            var repeated = new long[encoded.dim() + 1];
            repeated[0] = Timesteps;
            for (var i = 0; i < encoded.dim(); i++) repeated[i + 1] = encoded.shape[i];
            current = encoded.unsqueeze(0).expand(repeated).flatten(0, 1);
        }
        else
        {
            current = encoder.forward(input.flatten(0, 1));
        }
        return body.forward(current).reshape(Timesteps, batch, -1);
    }

    private Tensor RunSingleStep(Tensor input, bool isStatic)
    {
        var encodedOnce = isStatic ? encoder.forward(input) : null;
        var outputs = new Tensor[Timesteps];
        for (var t = 0; t < Timesteps; t++)
        {
            var frame = encodedOnce ?? encoder.forward(input[t]);
            outputs[t] = body.forward(frame);
        }
        foreach (var layer in neuronLayers) layer.ResetState();
        return stack(outputs);
    }

    private void ValidateInput(Tensor input)
    {
        var sample = inputShape;
        var dims = input.dim();
        var isStatic = dims == sample.Length + 1;
        var isSequence = dims == sample.Length + 2;
        var offset = isStatic ? 1 : 2;
        var matches = (isStatic || isSequence) && sample.Select((size, i) => input.shape[i + offset] == size).All(x => x);
        if (!matches)
            throw new ArgumentException(
                $"Model '{GetName()}' expects inputs [B, {string.Join(", ", sample)}] or [T, B, {string.Join(", ", sample)}], got [{string.Join(", ", input.shape)}].");
        if (isSequence && input.shape[0] != Timesteps)
            throw new ArgumentException($"Model '{GetName()}' runs T = {Timesteps} timesteps but the input holds {input.shape[0]} frames.");
    }
}

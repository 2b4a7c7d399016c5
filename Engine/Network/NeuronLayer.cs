using Neuromorph.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>
/// A layer of spiking neurons inside a network. In multi-step mode it receives <c>[T*B, C, ...]</c>, runs the
/// neuron model over all T timesteps and returns spikes of the same shape; in single-step mode it receives
/// one timestep <c>[B, C, ...]</c> and keeps the neuron state between calls until <see cref="ResetState"/>.
/// </summary>
/// <remarks>
/// The layer owns the parameters its model declares (<see cref="INeuronModel.Parameters"/>): one registered
/// <see cref="Parameter"/> per declaration, named as declared, so they are in <c>parameters()</c>, the
/// optimizer and checkpoints. A <see cref="ParameterShape.PerChannel"/> one is stored as <c>[C]</c>
/// (<see cref="Channels"/>) and passed to the model as <c>[C, 1, ..., 1]</c>. Between <see cref="StartCounting"/> and
/// <see cref="StopCounting"/> the layer also counts the spikes it returns (<see cref="SpikeCounter"/>).
/// </remarks>
internal sealed class NeuronLayer : nn.Module<Tensor, Tensor>
{
    private NeuronState? state;
    private NeuronParameter[] declarations;
    private SpikeCounter? counter;

    /// <param name="name">The layer's name, e.g. <c>spike1</c>.</param>
    /// <param name="model">The neuron dynamics.</param>
    /// <param name="channels">C: the size of dimension 1 of the layer's input (convolution channels or features).</param>
    public NeuronLayer(string name, INeuronModel model, long channels) : base(name)
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "A neuron layer needs at least one channel.");
        Channels = channels;
        declarations = NeuronParameterDeclarations.Read(model);
        Model = model;
        foreach (var declaration in declarations) register_parameter(declaration.Name, Create(declaration, null, null));
    }

    /// <summary>The neuron dynamics; replaced between iterations with <see cref="ReplaceModel"/>.</summary>
    public INeuronModel Model { get; private set; }

    /// <summary>C: the size of dimension 1 of every input, the length of per-channel parameters.</summary>
    public long Channels { get; }

    /// <summary>The mode and T of the current pass, set by the network before each pass.</summary>
    public SimulationMode Mode { get; set; } = SimulationMode.MultiStep;

    public int Timesteps { get; set; } = 1;

    public void ResetState() => state = null;

    /// <summary>
    /// Counts the spikes of every call from now on, until <see cref="StopCounting"/>: those of every
    /// <paramref name="sampleStride"/>-th sample of the batch (1: all).
    /// </summary>
    public void StartCounting(int sampleStride = 1) => counter = new SpikeCounter(sampleStride);

    /// <summary>Stops counting: what was counted since <see cref="StartCounting"/>, or null when the layer did not run.</summary>
    public LayerFiring? StopCounting()
    {
        var counted = counter?.Take();
        counter = null;
        return counted;
    }

    /// <summary>
    /// Runs <paramref name="next"/> from now on. A parameter whose declaration equals the current one (name,
    /// shape and initial value) keeps its tensor, value and optimizer state; a changed one is created anew, a new
    /// one added, a dropped one unregistered. Parameters end up registered in <paramref name="next"/>'s order,
    /// as in a network built with it. Invalid declarations throw before anything changes.
    /// </summary>
    /// <param name="next">The new neuron dynamics.</param>
    /// <param name="device">Where new parameters go (the network's device); the default device when null.</param>
    /// <param name="dtype">Their element type (the network's); the default type when null.</param>
    /// <returns>What happened to each declaration, and the unregistered parameters to dispose once the optimizer has let go of them.</returns>
    public NeuronModelReplacement ReplaceModel(INeuronModel next, Device? device = null, ScalarType? dtype = null)
    {
        var nextDeclarations = NeuronParameterDeclarations.Read(next);
        var layer = GetName();
        var previous = declarations.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var changes = new List<NeuronParameterChange>();
        var retired = new List<Parameter>();
        var registered = new List<(string Name, Parameter Parameter)>();
        foreach (var declaration in nextDeclarations)
        {
            if (!previous.TryGetValue(declaration.Name, out var before))
            {
                changes.Add(new(layer, NeuronParameterChangeKind.Added, null, declaration));
                registered.Add((declaration.Name, Create(declaration, device, dtype)));
            }
            else if (before == declaration)
            {
                changes.Add(new(layer, NeuronParameterChangeKind.Kept, before, declaration));
                registered.Add((declaration.Name, Registered(declaration.Name)));
            }
            else
            {
                changes.Add(new(layer, NeuronParameterChangeKind.Recreated, before, declaration));
                retired.Add(Registered(declaration.Name));
                registered.Add((declaration.Name, Create(declaration, device, dtype)));
            }
        }
        var nextNames = nextDeclarations.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var before in declarations.Where(d => !nextNames.Contains(d.Name)))
        {
            changes.Add(new(layer, NeuronParameterChangeKind.Removed, before, null));
            retired.Add(Registered(before.Name));
        }

        foreach (var before in declarations) _internal_params.Remove(before.Name);
        foreach (var (name, parameter) in registered) register_parameter(name, parameter);
        declarations = nextDeclarations;
        Model = next;
        state = null;
        return new NeuronModelReplacement(changes, retired);
    }

    public override Tensor forward(Tensor input)
    {
        if (input.dim() < 2 || input.shape[1] != Channels)
            throw new InvalidOperationException(
                $"Neuron layer '{GetName()}' has {Channels} channels (dimension 1 of its input) but received [{string.Join(", ", input.shape)}].");
        var parameters = ParametersFor(input.dim());
        if (Mode == SimulationMode.SingleStep)
        {
            state ??= Model.CreateState(input);
            var step = Model.Step(input, state, parameters);
            RequireShape(step.Spikes, input.shape, "Step");
            state = step.State;
            counter?.Add(GetName(), step.Spikes.unsqueeze(0));
            return step.Spikes;
        }

        var shape = input.shape;
        if (shape[0] % Timesteps != 0)
            throw new InvalidOperationException(
                $"Neuron layer '{GetName()}' received {shape[0]} rows, not a multiple of T = {Timesteps}.");
        var perTimestep = new long[shape.Length + 1];
        perTimestep[0] = Timesteps;
        perTimestep[1] = shape[0] / Timesteps;
        Array.Copy(shape, 1, perTimestep, 2, shape.Length - 1);
        var spikes = Model.Run(input.reshape(perTimestep), parameters);
        RequireShape(spikes, perTimestep, "Run");
        counter?.Add(GetName(), spikes);
        return spikes.reshape(shape);
    }

    /// <summary>Spikes must be shaped like the input they answer: counting reads their timesteps and samples from it.</summary>
    private void RequireShape(Tensor spikes, long[] expected, string method)
    {
        if (!spikes.shape.SequenceEqual(expected))
            throw new InvalidOperationException(
                $"Neuron layer '{GetName()}': the neuron model's {method} returned spikes [{string.Join(", ", spikes.shape)}] " +
                $"for input [{string.Join(", ", expected)}]; spikes must have the input's shape.");
    }

    /// <summary>The registered parameters shaped for one timestep of rank <paramref name="inputRank"/>, <c>[B, C, ...]</c>.</summary>
    private NeuronParameters ParametersFor(long inputRank)
    {
        if (declarations.Length == 0) return NeuronParameters.None;
        var perChannel = new long[inputRank - 1];
        Array.Fill(perChannel, 1L);
        perChannel[0] = Channels;
        var tensors = new Dictionary<string, Tensor>(declarations.Length, StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            var parameter = Registered(declaration.Name);
            tensors[declaration.Name] = declaration.Shape == ParameterShape.PerChannel ? parameter.view(perChannel) : parameter;
        }
        return new NeuronParameters(tensors);
    }

    private Parameter Registered(string name) =>
        get_parameter(name) ?? throw new InvalidOperationException($"Neuron layer '{GetName()}' lost its parameter '{name}'.");

    private Parameter Create(NeuronParameter declaration, Device? device, ScalarType? dtype)
    {
        long[] shape = declaration.Shape == ParameterShape.PerChannel ? [Channels] : [];
        var parameter = new Parameter(full(shape, declaration.InitialValue, dtype: dtype, device: device), requires_grad: true);
        parameter.DetachFromDisposeScope();
        return parameter;
    }
}

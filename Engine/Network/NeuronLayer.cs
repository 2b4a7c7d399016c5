using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>
/// A layer of spiking neurons inside a network. In multi-step mode it receives <c>[T*B, ...]</c>, runs the
/// neuron model over all T timesteps and returns spikes of the same shape; in single-step mode it receives
/// one timestep <c>[B, ...]</c> and keeps the neuron state between calls until <see cref="ResetState"/>.
/// </summary>
internal sealed class NeuronLayer : nn.Module<Tensor, Tensor>
{
    private NeuronState? state;

    public NeuronLayer(string name, INeuronModel model) : base(name)
    {
        Model = model;
    }

    /// <summary>The neuron dynamics; replaceable between iterations.</summary>
    public INeuronModel Model { get; set; }

    /// <summary>The mode and T of the current pass, set by the network before each pass.</summary>
    public SimulationMode Mode { get; set; } = SimulationMode.MultiStep;

    public int Timesteps { get; set; } = 1;

    public void ResetState() => state = null;

    public override Tensor forward(Tensor input)
    {
        if (Mode == SimulationMode.SingleStep)
        {
            state ??= Model.CreateState(input);
            var step = Model.Step(input, state);
            state = step.State;
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
        var spikes = Model.Run(input.reshape(perTimestep));
        return spikes.reshape(shape);
    }
}

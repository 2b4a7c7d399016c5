using TorchSharp.Modules;

namespace Neuromorph.Engine.Network;

/// <summary>
/// The outcome of replacing a neuron model: what happened to each declared parameter of each layer, and the
/// parameters the layers no longer hold. Dispose it once the optimizer no longer refers to them (after
/// <see cref="Training.OptimizerFactory.Follow"/>): disposing frees the retired parameters.
/// </summary>
internal sealed class NeuronModelReplacement(IReadOnlyList<NeuronParameterChange> changes, IReadOnlyList<Parameter> retired) : IDisposable
{
    public IReadOnlyList<NeuronParameterChange> Changes { get; } = changes;

    /// <summary>Parameters unregistered because their declaration changed or was dropped.</summary>
    public IReadOnlyList<Parameter> Retired { get; } = retired;

    public void Dispose()
    {
        foreach (var parameter in Retired) parameter.Dispose();
    }
}

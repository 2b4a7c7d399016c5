using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>
/// The tensors of the parameters a neuron model declared (<see cref="INeuronModel.Parameters"/>), by name,
/// for one neuron layer. Each is shaped as its <see cref="ParameterShape"/> describes and carries
/// gradients back to the engine's copy.
/// </summary>
public sealed class NeuronParameters
{
    private readonly Dictionary<string, torch.Tensor> tensors;

    /// <summary>The tensors by declared name.</summary>
    public NeuronParameters(IReadOnlyDictionary<string, torch.Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        this.tensors = new Dictionary<string, torch.Tensor>(tensors);
    }

    /// <summary>No parameters: what a model that declares none receives.</summary>
    public static NeuronParameters None { get; } = new(new Dictionary<string, torch.Tensor>());

    /// <summary>The declared names.</summary>
    public IReadOnlyCollection<string> Names => tensors.Keys;

    /// <summary>The tensor of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No parameter of that name was declared.</exception>
    public torch.Tensor this[string name] =>
        tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException(
                $"No neuron parameter '{name}'; the model declared {(tensors.Count == 0 ? "none" : string.Join(", ", tensors.Keys.Select(k => $"'{k}'")))}.");

    /// <summary>
    /// Each declaration's <see cref="NeuronParameter.InitialValue"/> as a zero-dimensional tensor (it
    /// broadcasts like a per-channel one whose elements are all equal): the parameters of an untrained layer,
    /// for running a model outside a network, e.g. from <see cref="INeuronModel.Step(torch.Tensor, NeuronState)"/>.
    /// </summary>
    public static NeuronParameters Initial(IEnumerable<NeuronParameter> declarations)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        return new NeuronParameters(declarations.ToDictionary(d => d.Name, d => torch.tensor(d.InitialValue, torch.float32)));
    }
}

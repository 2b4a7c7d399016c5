using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>
/// The state a neuron layer carries from one timestep to the next: named tensors shaped like one
/// timestep of the layer's input. Every neuron has a membrane potential; models such as adaptive
/// neurons add variables of their own.
/// </summary>
public sealed class NeuronState
{
    /// <summary>The key of the membrane potential.</summary>
    public const string MembraneKey = "membrane";

    private readonly Dictionary<string, torch.Tensor> variables;

    /// <summary>A state holding only a membrane potential.</summary>
    public NeuronState(torch.Tensor membrane)
        : this(new Dictionary<string, torch.Tensor> { [MembraneKey] = membrane })
    {
    }

    /// <summary>A state made of named variables; one of them must be <see cref="MembraneKey"/>.</summary>
    public NeuronState(IReadOnlyDictionary<string, torch.Tensor> variables)
    {
        if (!variables.ContainsKey(MembraneKey))
            throw new ArgumentException($"A neuron state needs a '{MembraneKey}' variable.", nameof(variables));
        this.variables = new Dictionary<string, torch.Tensor>(variables);
    }

    /// <summary>The membrane potential V.</summary>
    public torch.Tensor Membrane => variables[MembraneKey];

    /// <summary>The variable called <paramref name="name"/>.</summary>
    public torch.Tensor this[string name] => variables[name];

    /// <summary>All variables by name.</summary>
    public IReadOnlyDictionary<string, torch.Tensor> Variables => variables;
}

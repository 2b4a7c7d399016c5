namespace Neuromorph.Abstractions;

/// <summary>
/// The version of the plugin contract. A plugin records the version it was built against (the
/// <c>Neuromorph.Abstractions</c> assembly it references); the host refuses a plugin whose major version
/// differs from its own. Minor versions only add members with default implementations or new types.
/// </summary>
/// <remarks>
/// 1.0: neuron models, surrogate gradients, distillation schemes, adversarial attacks.
/// 1.1: neuron models declare learnable parameters that the engine owns (<see cref="NeuronParameter"/>,
/// <see cref="INeuronModel.Parameters"/>, the <see cref="NeuronParameters"/> overloads of Step and Run).
/// </remarks>
public static class ContractVersion
{
    /// <summary>Incremented on a breaking change to any contract type.</summary>
    public const int Major = 1;

    /// <summary>Incremented when the contract grows without breaking existing plugins.</summary>
    public const int Minor = 1;

    /// <summary>The contract version as a <see cref="Version"/> (<see cref="Major"/>.<see cref="Minor"/>).</summary>
    public static Version Current { get; } = new(Major, Minor);
}

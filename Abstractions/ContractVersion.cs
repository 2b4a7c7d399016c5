namespace Neuromorph.Abstractions;

/// <summary>
/// The version of the plugin contract. The contract assembly's version is <c>Major.Minor.0.0</c>, so a plugin
/// records the contract version it was built against in its reference to <c>Neuromorph.Abstractions</c>. The host
/// refuses a plugin whose major version differs from its own or whose minor version is newer than its own; minor
/// versions only add members with default implementations or new types, so older minor versions keep working.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Major"/> and <see cref="Minor"/> are the one place the version is written: the build reads them for the
/// assembly and package versions. Being constants, they are compiled into a plugin: there they are the version the
/// plugin was built against, while <see cref="Current"/> is the version of the contract the running host provides.
/// </para>
/// <para>
/// 1.0: neuron models, surrogate gradients, distillation schemes, adversarial attacks.
/// 1.1: neuron models declare learnable parameters that the engine owns (<see cref="NeuronParameter"/>,
/// <see cref="INeuronModel.Parameters"/>, the <see cref="NeuronParameters"/> overloads of Step and Run).
/// (1.0 and 1.1 both had the assembly version 1.0.0.0.)
/// 1.2: attack budgets declare their norm (<see cref="PerturbationNorm"/>, <see cref="IAdversarialAttack.Norm"/>,
/// L∞ by default); <see cref="NeuronStepping"/>, the loop over timesteps the default Run members use, for models whose
/// own Run falls back to stepping; the assembly version follows the contract version (1.2.0.0).
/// </para>
/// </remarks>
public static class ContractVersion
{
    /// <summary>Incremented on a breaking change to any contract type.</summary>
    public const int Major = 1;

    /// <summary>Incremented when the contract grows without breaking existing plugins.</summary>
    public const int Minor = 2;

    /// <summary>
    /// The version of the contract assembly loaded in this process (<see cref="Major"/>.<see cref="Minor"/> as this
    /// assembly was built with them): in a plugin, the version of the host it runs in.
    /// </summary>
    public static Version Current { get; } = new(Major, Minor);
}

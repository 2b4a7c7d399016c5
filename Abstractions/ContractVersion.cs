namespace Neuromorph.Abstractions;

/// <summary>
/// The version of the plugin contract. A plugin records the version it was built against (the
/// <c>Neuromorph.Abstractions</c> assembly it references); the host refuses a plugin whose major version
/// differs from its own. Minor versions only add members with default implementations or new types.
/// </summary>
public static class ContractVersion
{
    /// <summary>Incremented on a breaking change to any contract type.</summary>
    public const int Major = 1;

    /// <summary>Incremented when the contract grows without breaking existing plugins.</summary>
    public const int Minor = 0;

    /// <summary>The contract version as a <see cref="Version"/> (<see cref="Major"/>.<see cref="Minor"/>).</summary>
    public static Version Current { get; } = new(Major, Minor);
}

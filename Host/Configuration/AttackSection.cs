using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// The <c>[attack]</c> table: one sub-table per attack plugin, <c>[attack.&lt;name&gt;]</c>, holding that
/// attack's options and the keys the host applies to every attack (<see cref="SurrogateKey"/>,
/// <see cref="SurrogateAlphaKey"/>). Read by the <c>attack</c> command; names and options are checked when the
/// attack plugins are created.
/// </summary>
/// <param name="Attacks">The sub-tables by attack name, as written.</param>
internal sealed record AttackSection([ExtensionKeys] TomlTable? Attacks = null)
{
    /// <summary>The surrogate gradient spikes are differentiated with while the attack runs (default: the model's).</summary>
    public const string SurrogateKey = "surrogate";

    /// <summary>That surrogate's sharpness (0 = the surrogate's own default).</summary>
    public const string SurrogateAlphaKey = "surrogate_alpha";

    /// <summary>The <c>[attack.&lt;name&gt;]</c> sub-tables (empty when there are none).</summary>
    public TomlTable Attacks { get; init; } = Attacks ?? [];
}

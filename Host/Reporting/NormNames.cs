using System.Text.Json;
using Neuromorph.Abstractions;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// How robustness.json and <c>--epsilons</c> spell a norm: its name in lower case (<c>linf</c>, <c>l2</c>,
/// <c>other</c>). As a naming policy it makes the report's JSON write norms that way.
/// </summary>
internal sealed class NormNames : JsonNamingPolicy
{
    private NormNames()
    {
    }

    public static NormNames Policy { get; } = new();

    /// <summary>The spelling of <paramref name="norm"/>.</summary>
    public static string Key(PerturbationNorm norm) => Policy.ConvertName(norm.ToString());

    public override string ConvertName(string name) => name.ToLowerInvariant();
}

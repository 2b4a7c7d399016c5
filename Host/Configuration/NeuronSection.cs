using Neuromorph.Engine.Surrogates;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[neuron]</c> table: the neuron plugin, its surrogate gradient and its options.</summary>
/// <param name="Plugin">The neuron plugin's name (checked by the plugin catalog).</param>
/// <param name="Surrogate">One of <see cref="KnownSurrogates"/>.</param>
/// <param name="SurrogateAlpha">The surrogate's sharpness; 0 uses the surrogate's own default.</param>
/// <param name="Options">The <c>[neuron.options]</c> table as written, bound later with the plugin's options type.</param>
internal sealed record NeuronSection(
    string Plugin = "lif",
    string Surrogate = "rectangular",
    double SurrogateAlpha = 0,
    TomlTable? Options = null)
{
    /// <summary>The valid values of <c>neuron.surrogate</c>: the engine's built-in surrogates.</summary>
    public static IReadOnlyList<string> KnownSurrogates => SurrogateGradients.Names;

    /// <summary>The <c>[neuron.options]</c> table as written (empty when absent).</summary>
    public TomlTable Options { get; init; } = Options ?? [];
}

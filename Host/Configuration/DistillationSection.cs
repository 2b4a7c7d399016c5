using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[distillation]</c> table: the distillation scheme and, beside it, the scheme's options.</summary>
/// <param name="Scheme">The scheme plugin's name, or <c>none</c> for plain cross-entropy training.</param>
/// <param name="Options">Every other key of <c>[distillation]</c>, bound later with the scheme's options type.</param>
internal sealed record DistillationSection(
    string Scheme = DistillationSection.NoScheme,
    [ExtensionKeys] TomlTable? Options = null)
{
    /// <summary>The scheme name that turns distillation off.</summary>
    public const string NoScheme = "none";

    /// <summary>The keys of <c>[distillation]</c> other than <c>scheme</c> (empty when there are none).</summary>
    public TomlTable Options { get; init; } = Options ?? [];
}

using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// The <c>[adversarial_training]</c> table: training on a mix of clean and adversarial examples, optionally with
/// an orthogonality regulariser on the weights (regularized adversarial training).
/// </summary>
/// <param name="Attack">The attack plugin that makes the adversarial examples, or <c>none</c>.</param>
/// <param name="Fraction">The share of each batch replaced by adversarial versions of its samples, in (0, 1].</param>
/// <param name="OrthogonalityWeight">β: adds β·Σ‖W Wᵀ − I‖²_F over the convolution and linear weights (W
/// reshaped to [out, in·k·k]); 0 turns it off. Applies with or without an attack.</param>
/// <param name="Options">The <c>[adversarial_training.options]</c> table: the attack's options as written.</param>
internal sealed record AdversarialTrainingSection(
    string Attack = AdversarialTrainingSection.NoAttack,
    double Fraction = 0.5,
    double OrthogonalityWeight = 0,
    TomlTable? Options = null)
{
    /// <summary>The attack name that turns adversarial training off.</summary>
    public const string NoAttack = "none";

    /// <summary>The <c>[adversarial_training.options]</c> table as written (empty when absent).</summary>
    public TomlTable Options { get; init; } = Options ?? [];
}

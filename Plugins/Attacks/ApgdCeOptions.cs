namespace Neuromorph.Plugins.Attacks;

/// <summary>Options of Auto-PGD with cross-entropy (<c>apgd-ce</c>).</summary>
/// <param name="Epsilon">ε (≥ 0), the L∞ budget in pixel units of [0, 1]; 8/255 by default.</param>
/// <param name="Steps">
/// N, iterations per restart (≥ 1). 10 by default: short, like the protocol's other attacks (PGD and BIM take 7,
/// CW 10), where AutoAttack runs 100; raise it for a stronger evaluation.
/// </param>
/// <param name="Restarts">How many runs from random starts (≥ 1); per sample the strongest result is kept.</param>
/// <param name="Rho">ρ in (0, 1]: at a checkpoint the step halves when fewer than ρ of the steps since the last one raised the loss.</param>
/// <param name="EotSamples">Forward/backward passes averaged per gradient (≥ 1), for stochastic encodings.</param>
public sealed record ApgdCeOptions(
    double Epsilon = 8.0 / 255,
    int Steps = 10,
    int Restarts = 1,
    double Rho = 0.75,
    int EotSamples = 1);

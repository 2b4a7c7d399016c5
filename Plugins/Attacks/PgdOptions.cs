namespace Neuromorph.Plugins.Attacks;

/// <summary>Options of projected gradient descent (<c>pgd</c>); defaults follow the SNN robustness protocol.</summary>
/// <param name="Epsilon">ε (≥ 0), the L∞ budget in pixel units of [0, 1]; 8/255 by default.</param>
/// <param name="Step">α (&gt; 0), the size of each signed step; 2.55/255 = 0.01 by default.</param>
/// <param name="Steps">How many steps per restart (≥ 1); 7 by default.</param>
/// <param name="RandomStart">Whether each restart starts from a uniform random point of the ε-ball (else the inputs).</param>
/// <param name="Restarts">How many runs (≥ 1); per sample the strongest result is kept.</param>
/// <param name="EotSamples">Forward/backward passes averaged per gradient (≥ 1), for stochastic encodings.</param>
public sealed record PgdOptions(
    double Epsilon = 8.0 / 255,
    double Step = 0.01,
    int Steps = 7,
    bool RandomStart = true,
    int Restarts = 1,
    int EotSamples = 1);

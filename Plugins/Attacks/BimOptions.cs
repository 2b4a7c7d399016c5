namespace Neuromorph.Plugins.Attacks;

/// <summary>Options of the basic iterative method (<c>bim</c>); defaults follow the SNN robustness protocol.</summary>
/// <param name="Epsilon">ε (≥ 0), the L∞ budget in pixel units of [0, 1]; 8/255 by default.</param>
/// <param name="Step">α (&gt; 0), the size of each signed step; 2.55/255 = 0.01 by default.</param>
/// <param name="Steps">How many steps (≥ 1); 7 by default.</param>
/// <param name="EotSamples">Forward/backward passes averaged per gradient (≥ 1), for stochastic encodings.</param>
public sealed record BimOptions(double Epsilon = 8.0 / 255, double Step = 0.01, int Steps = 7, int EotSamples = 1);

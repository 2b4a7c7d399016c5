namespace Neuromorph.Plugins.Attacks;

/// <summary>Options of the fast gradient sign method (<c>fgsm</c>).</summary>
/// <param name="Epsilon">ε (≥ 0), the L∞ budget in pixel units of [0, 1]; 8/255 by default.</param>
/// <param name="EotSamples">Forward/backward passes averaged per gradient (≥ 1), for stochastic encodings.</param>
public sealed record FgsmOptions(double Epsilon = 8.0 / 255, int EotSamples = 1);

namespace Neuromorph.Plugins.Attacks;

/// <summary>Options of the Carlini-Wagner L2 attack (<c>cw</c>); defaults follow the SNN robustness protocol.</summary>
/// <param name="C">c (&gt; 0), the weight of the margin term against the squared L2 distance; 0.5 by default.</param>
/// <param name="Kappa">κ (≥ 0), the confidence: the margin term stops rewarding once the wrong class leads by κ.</param>
/// <param name="Steps">Adam steps (≥ 1); 10 by default.</param>
/// <param name="LearningRate">Adam's learning rate (&gt; 0) in tanh space; 0.01 by default.</param>
/// <param name="MaxL2">
/// An L2 bound per sample (≥ 0): &gt; 0 projects the perturbation onto that ball; 0 leaves it unbounded. (Not
/// called <c>epsilon</c>, the option ε sweeps set: a swept ε of 0 would mean no bound here instead of no change.)
/// </param>
/// <param name="EotSamples">Forward/backward passes averaged per gradient (≥ 1), for stochastic encodings.</param>
public sealed record CwOptions(
    double C = 0.5,
    double Kappa = 0.0,
    int Steps = 10,
    double LearningRate = 0.01,
    double MaxL2 = 0.0,
    int EotSamples = 1);

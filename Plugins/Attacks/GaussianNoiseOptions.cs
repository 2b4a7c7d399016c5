namespace Neuromorph.Plugins.Attacks;

/// <summary>Options of the Gaussian-noise baseline (<c>gaussian-noise</c>).</summary>
/// <param name="Sigma">σ (≥ 0), the noise's standard deviation in pixel units of [0, 1]; 8/255 by default.</param>
public sealed record GaussianNoiseOptions(double Sigma = 8.0 / 255);

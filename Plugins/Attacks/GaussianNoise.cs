using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Not an attack but its baseline: x + N(0, σ²) per pixel, clamped to [0, 1]. It never queries the target, so it
/// shows how much of an attack's effect random noise of the same size already has.
/// </summary>
[Plugin("gaussian-noise", Description = "Baseline: adds Gaussian noise N(0, sigma^2) to every pixel, clamped to [0, 1]; never queries the model.")]
internal sealed class GaussianNoise : IAdversarialAttack
{
    private readonly double sigma;
    private readonly AttackRandomness randomness;

    public GaussianNoise(GaussianNoiseOptions options, PluginContext context)
    {
        sigma = OptionChecks.NonNegative(options.Sigma, "sigma", "the noise's standard deviation, in pixel units of [0, 1]");
        randomness = new AttackRandomness(context.Seed);
    }

    /// <summary>
    /// Other: σ bounds no norm of the noise (a Gaussian has no largest value, and its L2 length grows with the input's
    /// size), so the baseline is never pooled with the attacks of an ε in a worst case.
    /// </summary>
    public PerturbationNorm Norm => PerturbationNorm.Other;

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels) =>
        AttackScope.Run(inputs, labels, batch =>
            (batch.Inputs + randomness.Normal(batch.Inputs).mul(sigma)).clamp(0.0, 1.0));
}

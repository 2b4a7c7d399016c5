using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// The points an L∞ attack may return: within ε of the clean inputs in every coordinate and inside [0, 1].
/// Both constraints are one clamp between precomputed bounds, so ε = 0 gives back the inputs' values exactly.
/// </summary>
internal sealed class LinfBall
{
    public LinfBall(Tensor center, double radius)
    {
        Center = center;
        Radius = radius;
        Lower = (center - radius).clamp_min(0.0);
        Upper = (center + radius).clamp_max(1.0);
    }

    /// <summary>The clean inputs.</summary>
    public Tensor Center { get; }

    /// <summary>ε, the L∞ budget.</summary>
    public double Radius { get; }

    /// <summary>max(x − ε, 0).</summary>
    public Tensor Lower { get; }

    /// <summary>min(x + ε, 1).</summary>
    public Tensor Upper { get; }

    /// <summary>The nearest allowed point: <paramref name="point"/> clamped coordinate-wise between the bounds.</summary>
    public Tensor Project(Tensor point) => point.clamp(Lower, Upper);

    /// <summary>A point drawn uniformly from the ε-cube around the inputs, then clamped into [0, 1].</summary>
    public Tensor RandomPoint(AttackRandomness randomness) =>
        Project(Center + randomness.Uniform(Center).mul(2.0).sub(1.0).mul(Radius));
}

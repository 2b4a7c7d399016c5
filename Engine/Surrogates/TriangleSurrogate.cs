using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// The triangle surrogate (SpikingJelly's <c>PiecewiseQuadratic</c>; Esser et al. 2016, Bellec et al. 2018 use
/// the same shape): dS/dx = α·max(0, 1 − α·|x|), a triangle of half-width 1/α, peak α and area 1. Its primitive
/// is piecewise quadratic: 0 below −1/α, 1 above 1/α, and −½α²·|x|·x + α·x + ½ in between.
/// </summary>
internal sealed class TriangleSurrogate : SurrogateGradient
{
    public const string SurrogateName = "triangle";

    /// <summary>SpikingJelly's default for <c>PiecewiseQuadratic</c>: a triangle over (−1, 1) with peak 1.</summary>
    public const double DefaultAlpha = 1.0;

    public TriangleSurrogate(double alpha = DefaultAlpha)
    {
        SurrogateParameters.EnsurePositiveFinite(alpha, SurrogateName, "alpha");
        Alpha = alpha;
    }

    /// <summary>α, the sharpness: the peak of the derivative is α and it is zero where |x| ≥ 1/α.</summary>
    public double Alpha { get; }

    public override string Name => SurrogateName;

    protected override Tensor DerivativeOf(Tensor x) =>
        x.abs().mul(-Alpha).add(1.0).clamp_min(0.0).mul(Alpha);
}

using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// SpikingJelly's arctangent surrogate, the derivative of S(x) = (1/π)·atan(π/2·α·x) + 1/2:
/// dS/dx = α / (2·(1 + (π/2·α·x)²)).
/// </summary>
internal sealed class AtanSurrogate : SurrogateGradient
{
    public const string SurrogateName = "atan";
    public const double DefaultAlpha = 2.0;

    public AtanSurrogate(double alpha = DefaultAlpha)
    {
        SurrogateParameters.EnsurePositiveFinite(alpha, SurrogateName, "alpha");
        Alpha = alpha;
    }

    /// <summary>α, the sharpness: the peak of the derivative is α/2.</summary>
    public double Alpha { get; }

    public override string Name => SurrogateName;

    protected override Tensor DerivativeOf(Tensor x) =>
        x.mul(Math.PI / 2 * Alpha).square().add(1.0).reciprocal().mul(Alpha / 2);
}

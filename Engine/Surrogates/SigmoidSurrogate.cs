using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// The sigmoid surrogate, the derivative of S(x) = σ(αx): dS/dx = α·σ(αx)·(1 − σ(αx)).
/// </summary>
internal sealed class SigmoidSurrogate : SurrogateGradient
{
    public const string SurrogateName = "sigmoid";
    public const double DefaultAlpha = 4.0;

    public SigmoidSurrogate(double alpha = DefaultAlpha)
    {
        SurrogateParameters.EnsurePositiveFinite(alpha, SurrogateName, "alpha");
        Alpha = alpha;
    }

    /// <summary>α, the sharpness: the peak of the derivative is α/4.</summary>
    public double Alpha { get; }

    public override string Name => SurrogateName;

    protected override Tensor DerivativeOf(Tensor x)
    {
        var sigma = x.mul(Alpha).sigmoid();
        return sigma.mul(sigma.neg().add(1.0)).mul(Alpha);
    }
}

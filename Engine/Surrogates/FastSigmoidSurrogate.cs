using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// SuperSpike's fast-sigmoid surrogate (Zenke &amp; Ganguli 2018, section 3.3.2): dS/dx = 1/(1 + α·|x|)², the
/// derivative of x/(1 + α·|x|), with peak 1 at the threshold and heavy tails (area 2/α).
/// </summary>
/// <remarks>
/// The default α = 10 is the paper's steepness carried over to a threshold at distance 1: its reference
/// implementation (fzenke/pub2018superspike) uses β = 1 mV⁻¹ on neurons that rest at −60 mV and fire at −50 mV,
/// 10 mV apart, so one unit of x here is 10 mV there. (That code also multiplies by β, the exact derivative of
/// the fast sigmoid of βx; like the paper's formula and snnTorch's and Norse's versions, this one does not.)
/// </remarks>
internal sealed class FastSigmoidSurrogate : SurrogateGradient
{
    public const string SurrogateName = "fast-sigmoid";
    public const double DefaultAlpha = 10.0;

    public FastSigmoidSurrogate(double alpha = DefaultAlpha)
    {
        SurrogateParameters.EnsurePositiveFinite(alpha, SurrogateName, "alpha");
        Alpha = alpha;
    }

    /// <summary>α, the sharpness: the derivative falls to 1/4 of its peak at |x| = 1/α.</summary>
    public double Alpha { get; }

    public override string Name => SurrogateName;

    protected override Tensor DerivativeOf(Tensor x) =>
        x.abs().mul(Alpha).add(1.0).square().reciprocal();
}

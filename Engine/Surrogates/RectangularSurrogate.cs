using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// The paper's box-shaped surrogate: dS/dx = (1/a)·1[|x| &lt; a/2], a window of width a and area 1
/// around the threshold.
/// </summary>
internal sealed class RectangularSurrogate : SurrogateGradient
{
    public const string SurrogateName = "rectangular";
    public const double DefaultWidth = 1.0;

    public RectangularSurrogate(double width = DefaultWidth)
    {
        SurrogateParameters.EnsurePositiveFinite(width, SurrogateName, "width a");
        Width = width;
    }

    /// <summary>a, the width of the window in which the gradient is 1/a.</summary>
    public double Width { get; }

    public override string Name => SurrogateName;

    protected override Tensor DerivativeOf(Tensor x) =>
        x.abs().lt(Width / 2).to_type(x.dtype).mul(1.0 / Width);
}

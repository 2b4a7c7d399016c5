using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>What one Auto-PGD run carries between iterations (per-sample tensors are <c>[B]</c>).</summary>
/// <param name="Point">x(k), the current iterate.</param>
/// <param name="Previous">x(k−1), for the momentum term.</param>
/// <param name="Gradient">∇f(x(k)).</param>
/// <param name="Loss">f(x(k)).</param>
/// <param name="StepSize">η(k) per sample, shaped <c>[B, 1, ..., 1]</c>.</param>
/// <param name="BestPoint">x_max, the iterate with the highest loss so far.</param>
/// <param name="BestLoss">f_max = f(x_max).</param>
/// <param name="BestGradient">∇f(x_max), restored with x_max.</param>
/// <param name="Increases">How many steps since the last checkpoint raised the loss.</param>
/// <param name="BestLossAtCheckpoint">f_max at the last checkpoint.</param>
/// <param name="HalvedAtCheckpoint">Whether the step was halved at the last checkpoint (bool).</param>
/// <param name="Strongest">The strongest iterate so far, which the run returns.</param>
internal sealed record AutoPgdState(
    Tensor Point,
    Tensor Previous,
    Tensor Gradient,
    Tensor Loss,
    Tensor StepSize,
    Tensor BestPoint,
    Tensor BestLoss,
    Tensor BestGradient,
    Tensor Increases,
    Tensor BestLossAtCheckpoint,
    Tensor HalvedAtCheckpoint,
    StrongestPoint Strongest) : IAttackState
{
    public IEnumerable<Tensor> Tensors =>
        new[] { Point, Previous, Gradient, Loss, StepSize, BestPoint, BestLoss, BestGradient, Increases,
                BestLossAtCheckpoint, HalvedAtCheckpoint }.Concat(Strongest.Tensors);
}

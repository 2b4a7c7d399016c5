namespace Neuromorph.Engine.Training;

/// <summary>The loss became NaN or infinite: training diverged.</summary>
internal sealed class NonFiniteLossException(long iteration, double loss) : Exception(
    $"The loss became {loss} at iteration {iteration}: training diverged. Lower optimizer.lr or check the inputs.")
{
    public long Iteration { get; } = iteration;
}

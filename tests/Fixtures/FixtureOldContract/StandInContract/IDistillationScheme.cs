namespace Neuromorph.Abstractions;

/// <summary>The distillation scheme interface as the old contract defined it (no tensors yet).</summary>
public interface IDistillationScheme
{
    /// <summary>The scheme's loss for per-timestep scores.</summary>
    double Compute(double[] timestepScores);
}

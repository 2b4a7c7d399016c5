using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>
/// A stochastic fake model, standing in for a randomly encoded SNN: every call draws a fresh offset E ~ N(0, s²)
/// per weight and returns logits = (W + E)·flatten(x) + b. It records every E it drew, so a test can recompute
/// by hand what an EOT average over those calls must be.
/// </summary>
internal sealed class NoisyLinearTarget(LinearTarget mean, double noiseScale, ulong seed) : IAttackTarget
{
    private readonly Generator generator = new(seed);

    public LinearTarget Mean { get; } = mean;

    /// <summary>The offsets E drawn so far, one <c>[M, D]</c> array per call.</summary>
    public List<double[,]> Offsets { get; } = [];

    public int Timesteps => 4;

    public Tensor Logits(Tensor inputs)
    {
        var offset = randn(Mean.WeightTensor.shape, float64, generator: generator) * noiseScale;
        Offsets.Add(ToArray(offset));
        return inputs.to(float64).flatten(1).matmul((Mean.WeightTensor + offset).t()) + Mean.BiasTensor;
    }

    private static double[,] ToArray(Tensor matrix)
    {
        var (rows, columns) = ((int)matrix.shape[0], (int)matrix.shape[1]);
        var values = matrix.data<double>().ToArray();
        var result = new double[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                result[r, c] = values[r * columns + c];
        return result;
    }
}

using Neuromorph.Plugins.Attacks;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>The small shared parts: choosing the strongest point, Auto-PGD's checkpoints, the noise baseline.</summary>
public sealed class AttackPartsTests
{
    [Fact]
    public void StrongestPoint_Or_PrefersMisclassifiedThenHigherLoss()
    {
        // Per sample (fooled, loss) of the incumbent vs the challenger:
        // 0: (no, 1) vs (yes, 0) → challenger, it fools;   1: (yes, 1) vs (no, 5) → incumbent, it fools;
        // 2: (no, 1) vs (no, 2) → challenger, higher loss; 3: (yes, 3) vs (yes, 2) → incumbent, higher loss;
        // 4: (no, 2) vs (no, 2) → incumbent, ties keep it.
        using var scope = NewDisposeScope();
        var batch = AttackBatch.Check(zeros(5, 1), zeros(5, dtype: int64));
        var incumbent = new StrongestPoint(
            tensor(new[] { 10.0, 11, 12, 13, 14 }).unsqueeze(1), tensor(new[] { 1.0, 1, 1, 3, 2 }),
            tensor(new[] { false, true, false, true, false }));
        var challenger = new StrongestPoint(
            tensor(new[] { 20.0, 21, 22, 23, 24 }).unsqueeze(1), tensor(new[] { 0.0, 5, 2, 2, 2 }),
            tensor(new[] { true, false, false, true, false }));

        var strongest = incumbent.Or(challenger, batch);

        strongest.Point.flatten().data<double>().ToArray().Should().Equal(20, 11, 22, 13, 14);
        strongest.Loss.data<double>().ToArray().Should().Equal(0, 1, 2, 3, 2);
        strongest.Fooled.data<bool>().ToArray().Should().Equal(true, true, false, true, false);
    }

    [Theory]
    [InlineData(10, new[] { 3, 5, 6, 7, 8, 9 })]
    [InlineData(100, new[] { 22, 41, 57, 70, 80, 87, 93, 99 })]
    [InlineData(3, new[] { 1, 2 })]
    [InlineData(1, new int[0])]
    public void AutoPgdCheckpoints_FollowThePaper(int steps, int[] expected)
    {
        // p = 0, 0.22, 0.41, 0.57, 0.70, 0.80, 0.87, 0.93, 0.99, 1.05, ...; w_j = ⌈p_j·N⌉, strictly inside (0, N).
        AutoPgdCheckpoints.For(steps).Should().Equal(expected);
    }

    [Fact]
    public void GaussianNoise_AwayFromTheBox_HasMeanZeroAndDeviationSigma()
    {
        using var scope = NewDisposeScope();
        const double sigma = 0.05;
        var inputs = full([50, 1, 8, 8], 0.5, float64);
        var attack = AttackFactory.Create("gaussian-noise", seed: 3, ("sigma", sigma));

        var noise = attack.Perturb(LinearTarget.Random(2, 64, seed: 1), inputs, zeros(50, dtype: int64)) - inputs;

        var count = noise.numel();
        noise.mean().item<double>().Should().BeApproximately(0.0, 4 * sigma / Math.Sqrt(count));
        noise.std().item<double>().Should().BeApproximately(sigma, 0.05 * sigma);
    }
}

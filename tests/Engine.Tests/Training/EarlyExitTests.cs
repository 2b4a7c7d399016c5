using Neuromorph.Engine.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

public sealed class EarlyExitTests
{
    // Five samples, T = 3, M = 2. With two classes the softmax maximum of a running mean [a, b] is
    // 1 / (1 + e^-|a - b|), so the confidences below follow from the running mean's gap d alone:
    //   d = 0 -> 0.5,  0.5 -> 0.6225,  2 -> 0.8808,  2.5 -> 0.9241,  3 -> 0.9526,  13/3 -> 0.9870,  >= 50 -> 1.0 (double).
    private static readonly float[][][] Logits =
    [
        //          s0: label 0   s1: label 0   s2: label 1   s3: label 0   s4: label 1
        /* t=1 */ [[3, 0],       [0, 0],       [0, 0.5f],    [0, 3],       [0, 100]],
        /* t=2 */ [[3, 0],       [4, 0],       [0, 0.5f],    [8, 0],       [0, 0]],
        /* t=3 */ [[3, 0],       [5, 0],       [0, 0.5f],    [8, 0],       [0, 0]],
    ];

    private static readonly long[] Labels = [0, 0, 1, 0, 1];

    // Running-mean gaps per sample (class 0 minus class 1) at t = 1, 2, 3, and the confidence they give:
    //   s0: 3, 3, 3            -> 0.9526 0.9526 0.9526   (class 0 throughout)
    //   s1: 0, 2, 3            -> 0.5    0.8808 0.9526   (tie at t=1 predicts class 0, the lowest index)
    //   s2: -0.5, -0.5, -0.5   -> 0.6225 0.6225 0.6225   (class 1 throughout; never confident)
    //   s3: -3, 2.5, 13/3      -> 0.9526 0.9241 0.9870   (class 1 = wrong at t=1, class 0 after)
    //   s4: -100, -50, -33.3   -> 1.0    1.0    1.0      (class 1 throughout)
    [Theory]
    //          θ     exits (timestep per sample)   correct  timesteps used
    [InlineData(0.5,  /* 1 1 1 1 1 */               4,       5)]  // s3 exits wrong at t=1; s1 reaches 0.5 exactly
    [InlineData(0.9,  /* 1 3 3 1 1 */               4,       9)]  // s2 never reaches 0.9 and uses all T = 3
    [InlineData(0.95, /* 1 3 3 1 1 */               4,       9)]  // 0.9526 >= 0.95
    [InlineData(0.96, /* 3 3 3 3 1 */               5,       13)] // s3 now waits for t=3 and is right
    [InlineData(0.99, /* 3 3 3 3 1 */               5,       13)]
    [InlineData(1.0,  /* 3 3 3 3 1 */               5,       13)] // only s4's gap of 100 reaches 1.0
    public void Evaluate_HandMadeLogits_ExitsAtTheFirstConfidentTimestep(double threshold, long correct, long timestepsUsed)
    {
        using var logits = tensor(Logits.SelectMany(t => t.SelectMany(s => s)).ToArray()).reshape(3, 5, 2);
        using var labels = tensor(Labels);

        var counts = EarlyExit.Evaluate(logits, labels, [threshold]).Single();

        counts.Should().Be(new EarlyExitCounts(threshold, correct, timestepsUsed, 5));
        counts.Accuracy.Should().BeApproximately(correct / 5.0, 1e-12);
        counts.MeanTimesteps.Should().BeApproximately(timestepsUsed / 5.0, 1e-12);
    }

    [Fact]
    public void Evaluate_SeveralThresholds_AnswersEachInOrderFromOnePass()
    {
        using var logits = tensor(Logits.SelectMany(t => t.SelectMany(s => s)).ToArray()).reshape(3, 5, 2);
        using var labels = tensor(Labels);

        var counts = EarlyExit.Evaluate(logits, labels, [1.0, 0.9, 0.5]);

        counts.Select(c => (c.Threshold, c.Correct, c.TimestepsUsed)).Should().Equal((1.0, 5L, 13L), (0.9, 4L, 9L), (0.5, 4L, 5L));
    }

    [Fact]
    public void Plus_AddsTalliesOfTheSameThreshold()
    {
        var total = new EarlyExitCounts(0.9, 3, 7, 4).Plus(new EarlyExitCounts(0.9, 1, 5, 2));

        total.Should().Be(new EarlyExitCounts(0.9, 4, 12, 6));
        total.MeanTimesteps.Should().Be(2.0);
        var mixing = () => total.Plus(new EarlyExitCounts(0.5, 1, 1, 1));
        mixing.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Evaluate_ThresholdOutsideZeroToOne_Throws(double threshold)
    {
        using var logits = zeros(3, 5, 2);
        using var labels = tensor(Labels);

        var evaluate = () => EarlyExit.Evaluate(logits, labels, [threshold]);

        evaluate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0 < θ <= 1*");
    }

    [Fact]
    public void Evaluate_LabelsOfAnotherBatchSize_ThrowsBeforeAnyNativeOp()
    {
        using var logits = zeros(3, 5, 2);
        using var labels = tensor(new long[] { 0, 1 });

        var evaluate = () => EarlyExit.Evaluate(logits, labels, [0.9]);

        evaluate.Should().Throw<ArgumentException>().WithMessage("*[5]*[2]*");
    }
}

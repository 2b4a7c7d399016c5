using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>The iterative L∞ attacks against FGSM and against a linear model whose optimum is known by hand.</summary>
public sealed class IterativeAttackTests
{
    [Theory]
    [InlineData("pgd")]
    [InlineData("bim")]
    [InlineData("apgd-ce")]
    public void Perturb_SmoothModel_ReachesAtLeastFgsmLoss(string name)
    {
        using var scope = NewDisposeScope();
        var target = new SmoothTarget(classes: 3, features: 12, hidden: 6, seed: 8);
        var inputs = rand([32, 3, 2, 2], float64, generator: new Generator(5));
        var labels = target.Logits(inputs).argmax(1);

        var fgsmLoss = MeanLoss(target, AttackFactory.Create("fgsm").Perturb(target, inputs, labels), labels);
        var iterativeLoss = MeanLoss(target, AttackFactory.Create(name, seed: 1).Perturb(target, inputs, labels), labels);
        var cleanLoss = MeanLoss(target, inputs, labels);

        fgsmLoss.Should().BeGreaterThan(cleanLoss);
        iterativeLoss.Should().BeGreaterThanOrEqualTo(fgsmLoss);
    }

    public static TheoryData<string, (string, object)[]> LargeEpsilonAttacks => new()
    {
        { "pgd", [("epsilon", 1.0), ("step", 0.25), ("steps", 8)] },
        { "bim", [("epsilon", 1.0), ("step", 0.25), ("steps", 8)] },
        { "apgd-ce", [("epsilon", 1.0), ("steps", 8)] },
    };

    /// <summary>
    /// Two classes, w = W₁ − W₀: the cross-entropy's input gradient is p₁·w for label 0 and −p₀·w for label 1, so
    /// its sign never changes and, with ε = 1 and steps adding up to more than 1, every pixel ends at the corner
    /// of [0, 1]ᴰ that favours the wrong class most: 1 where w_d &gt; 0 else 0 for label 0, the reverse for label 1.
    /// The weights are checked to misclassify both corners, so accuracy drops to 0. (Auto-PGD's first step, 2ε,
    /// already lands on the corner.)
    /// </summary>
    [Theory]
    [MemberData(nameof(LargeEpsilonAttacks))]
    public void Perturb_LargeEpsilonOnTwoClassLinearModel_EndsAtTheWrongClassCorner(string name, (string, object)[] options)
    {
        using var scope = NewDisposeScope();
        var target = LinearTarget.Random(classes: 2, features: 12, seed: 13, scale: 1);
        var w = Enumerable.Range(0, 12).Select(d => target.Weights[1, d] - target.Weights[0, d]).ToArray();
        var cornerForLabelZero = w.Select(value => value > 0 ? 1.0 : 0.0).ToArray();
        var cornerForLabelOne = cornerForLabelZero.Select(value => 1 - value).ToArray();
        target.LogitsOf(cornerForLabelZero).Should().Match<double[]>(z => z[1] > z[0], "label 0's corner must be class 1");
        target.LogitsOf(cornerForLabelOne).Should().Match<double[]>(z => z[0] > z[1], "label 1's corner must be class 0");
        var inputs = rand([6, 3, 2, 2], float64, generator: new Generator(4));
        var labels = tensor(new long[] { 0, 1, 0, 1, 0, 1 });

        var adversarial = AttackFactory.Create(name, seed: 2, options).Perturb(target, inputs, labels);

        target.Logits(adversarial).argmax(1).ne(labels).all().item<bool>().Should().BeTrue("accuracy must be 0");
        for (var i = 0; i < 6; i++)
            adversarial[i].flatten().data<double>().ToArray().Should().Equal(i % 2 == 0 ? cornerForLabelZero : cornerForLabelOne);
    }

    private static double MeanLoss(SmoothTarget target, Tensor inputs, Tensor labels) =>
        nn.functional.cross_entropy(target.Logits(inputs), labels).item<double>();
}

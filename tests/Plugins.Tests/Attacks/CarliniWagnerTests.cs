using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>
/// Carlini-Wagner L2 on a two-class linear model, where the smallest L2 perturbation that changes the class is
/// known by hand: the distance to the decision hyperplane, |(W₁ − W₀)·x + b₁ − b₀| / ‖W₁ − W₀‖₂. Nothing
/// closer can be misclassified, so that distance bounds every successful result from below. The inputs sit near
/// 0.5 and the hyperplane about 0.3 away, so the [0, 1] box never binds.
/// </summary>
public sealed class CarliniWagnerTests
{
    private static readonly (string, object)[] Strong = [("c", 10.0), ("learning_rate", 0.05), ("steps", 100)];

    [Fact]
    public void Perturb_LargeC_MisclassifiesCloseToTheHyperplaneAndCloserThanFgsm()
    {
        using var scope = NewDisposeScope();
        var (target, inputs, labels, distance) = NearBoundaryProblem();

        var adversarial = AttackFactory.Create("cw", Strong).Perturb(target, inputs, labels);
        var fgsm = AttackFactory.Create("fgsm", ("epsilon", 0.25)).Perturb(target, inputs, labels);

        Misclassified(target, fgsm, labels).Should().AllBeEquivalentTo(true, "FGSM at ε = 0.25 is the comparison");
        Misclassified(target, adversarial, labels).Should().AllBeEquivalentTo(true);
        var cwDistance = L2(adversarial, inputs);
        var fgsmDistance = L2(fgsm, inputs);
        for (var i = 0; i < distance.Length; i++)
        {
            cwDistance[i].Should().BeGreaterThanOrEqualTo(distance[i] * (1 - 1e-9), "nothing nearer is misclassified");
            cwDistance[i].Should().BeLessThan(1.3 * distance[i], "100 Adam steps get close to the minimum");
            cwDistance[i].Should().BeLessThan(fgsmDistance[i]);
        }
    }

    [Fact]
    public void Perturb_MaxL2BelowTheHyperplaneDistance_StaysOnTheBallAndFails()
    {
        // Every point of the ball is nearer than the hyperplane, so none is misclassified; with a large c the
        // optimiser presses against the ball, and the last iterate is returned.
        using var scope = NewDisposeScope();
        var (target, inputs, labels, distance) = NearBoundaryProblem();
        var maxL2 = 0.5 * distance.Min();

        var adversarial = AttackFactory.Create("cw", [.. Strong, ("max_l2", maxL2)]).Perturb(target, inputs, labels);

        Misclassified(target, adversarial, labels).Should().AllBeEquivalentTo(false);
        L2(adversarial, inputs).Should().AllSatisfy(l2 => l2.Should().BeInRange(0.99 * maxL2, maxL2 * (1 + 1e-9)));
    }

    [Fact]
    public void Perturb_PositiveKappa_LeavesTheWrongClassAheadByMoreThanKappa()
    {
        using var scope = NewDisposeScope();
        var (target, inputs, labels, _) = NearBoundaryProblem();
        const double kappa = 0.5;

        var adversarial = AttackFactory.Create("cw", [.. Strong, ("kappa", kappa)]).Perturb(target, inputs, labels);

        var logits = target.Logits(adversarial);
        var lead = (logits.gather(1, (1 - labels).unsqueeze(1)) - logits.gather(1, labels.unsqueeze(1))).squeeze(1);
        lead.data<double>().ToArray().Should().AllSatisfy(value => value.Should().BeGreaterThan(kappa));
    }

    /// <summary>
    /// Two classes with w = W₁ − W₀ and b₁ − b₀ = −w·½ + 0.3‖w‖₂: the all-½ image lies 0.3 from the hyperplane,
    /// and inputs ½ ± 0.05 a little more or less.
    /// </summary>
    private static (LinearTarget Target, Tensor Inputs, Tensor Labels, double[] Distance) NearBoundaryProblem()
    {
        var weights = LinearTarget.Random(classes: 2, features: 12, seed: 13).Weights;
        var w = Enumerable.Range(0, 12).Select(d => weights[1, d] - weights[0, d]).ToArray();
        var norm = Math.Sqrt(w.Sum(value => value * value));
        var target = new LinearTarget(weights, [0.0, -0.5 * w.Sum() + 0.3 * norm]);
        var inputs = (rand([8, 3, 2, 2], float64, generator: new Generator(4)) - 0.5) * 0.1 + 0.5;
        var samples = inputs.flatten(1);
        var distance = Enumerable.Range(0, 8).Select(i =>
        {
            var z = target.LogitsOf(samples[i].data<double>().ToArray());
            return Math.Abs(z[1] - z[0]) / norm;
        }).ToArray();
        return (target, inputs, target.Logits(inputs).argmax(1), distance);
    }

    private static bool[] Misclassified(LinearTarget target, Tensor inputs, Tensor labels) =>
        target.Logits(inputs).argmax(1).ne(labels).data<bool>().ToArray();

    private static double[] L2(Tensor adversarial, Tensor inputs) =>
        (adversarial - inputs).flatten(1).square().sum(1).sqrt().data<double>().ToArray();
}

using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>
/// FGSM on a linear model against a hand computation: with z = W·x + b and p = softmax(z), the cross-entropy's
/// input gradient is ∇ₓ CE = Wᵀ(p − onehot(y)), and FGSM returns clamp(x + ε·sign(∇ₓ CE), 0, 1).
/// </summary>
public sealed class FgsmTests
{
    [Theory]
    [InlineData(8.0 / 255, 1)]
    [InlineData(0.2, 2)]
    public void Perturb_LinearModel_EqualsHandComputedSignedStep(double epsilon, int eotSamples)
    {
        using var scope = NewDisposeScope();
        var target = LinearTarget.Random(classes: 4, features: 12, seed: 21, scale: 2);
        var inputs = rand([5, 3, 2, 2], float64, generator: new Generator(3));
        var labels = new long[] { 0, 3, 1, 2, 3 };
        var attack = AttackFactory.Create("fgsm", ("epsilon", epsilon), ("eot_samples", eotSamples));

        var adversarial = attack.Perturb(target, inputs, tensor(labels)).flatten(1);

        var clean = inputs.flatten(1);
        for (var i = 0; i < labels.Length; i++)
        {
            var x = clean[i].data<double>().ToArray();
            var gradient = CrossEntropyInputGradient(target, x, labels[i]);
            var expected = x.Select((value, d) => Math.Clamp(value + epsilon * Math.Sign(gradient[d]), 0.0, 1.0));
            adversarial[i].data<double>().ToArray().Should().Equal(expected, (a, e) => Math.Abs(a - e) <= 1e-15);
        }
    }

    /// <summary>∇ₓ CE = Σ_m (p_m − [m = y])·W_m, by hand.</summary>
    internal static double[] CrossEntropyInputGradient(LinearTarget target, double[] x, long label)
    {
        var logits = target.LogitsOf(x);
        var largest = logits.Max();
        var exponentials = logits.Select(z => Math.Exp(z - largest)).ToArray();
        var total = exponentials.Sum();
        var gradient = new double[x.Length];
        for (var m = 0; m < logits.Length; m++)
        {
            var coefficient = exponentials[m] / total - (m == label ? 1.0 : 0.0);
            for (var d = 0; d < x.Length; d++)
                gradient[d] += coefficient * target.Weights[m, d];
        }
        return gradient;
    }
}

using Neuromorph.Abstractions;
using Neuromorph.Plugins.Attacks;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>The shared input-gradient piece: exact where it should be, averaging over EOT samples, and nothing else.</summary>
public sealed class InputGradientTests
{
    [Fact]
    public void Compute_SmoothTarget_MatchesCentralFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        var target = new SmoothTarget(classes: 3, features: 8, hidden: 5, seed: 6);
        var inputs = rand([3, 2, 2, 2], float64, generator: new Generator(1));
        var labels = tensor(new long[] { 2, 0, 1 });
        var batch = AttackBatch.Check(inputs, labels);
        var loss = AttackLosses.CrossEntropy(labels);

        var gradient = InputGradient.Compute(target, batch, inputs, loss, eotSamples: 1).Gradient.flatten();

        const double h = 1e-5;
        var flat = inputs.flatten();
        for (var j = 0; j < flat.shape[0]; j++)
        {
            var step = zeros_like(flat);
            step[j] = h;
            var forward = TotalLoss(target, (flat + step).reshape(inputs.shape), labels);
            var backward = TotalLoss(target, (flat - step).reshape(inputs.shape), labels);
            gradient[j].item<double>().Should().BeApproximately((forward - backward) / (2 * h), 1e-7, "coordinate {0}", j);
        }
    }

    [Fact]
    public void Compute_StochasticTarget_AveragesExactlyThePassesItRan()
    {
        // Each pass k sees logits z_k = (W + E_k)x + b with its own recorded E_k, so its CE gradient is
        // (W + E_k)ᵀ(softmax(z_k) − onehot(y)); the result must be the mean of these over the passes.
        using var scope = NewDisposeScope();
        var mean = LinearTarget.Random(classes: 3, features: 4, seed: 2, scale: 2);
        var target = new NoisyLinearTarget(mean, noiseScale: 0.7, seed: 5);
        var inputs = rand([2, 1, 2, 2], float64, generator: new Generator(3));
        var labels = new long[] { 1, 2 };
        var batch = AttackBatch.Check(inputs, tensor(labels));
        const int passes = 5;

        var result = InputGradient.Compute(target, batch, inputs, AttackLosses.CrossEntropy(batch.Labels), passes);

        target.Offsets.Should().HaveCount(passes);
        var samples = inputs.flatten(1);
        for (var i = 0; i < labels.Length; i++)
        {
            var x = samples[i].data<double>().ToArray();
            var expectedGradient = new double[4];
            var expectedLoss = 0.0;
            foreach (var offset in target.Offsets)
            {
                var weights = new double[3, 4];
                for (var m = 0; m < 3; m++)
                    for (var d = 0; d < 4; d++)
                        weights[m, d] = mean.Weights[m, d] + offset[m, d];
                var pass = new LinearTarget(weights, mean.Bias);
                var logits = pass.LogitsOf(x);
                expectedLoss += (LogSumExp(logits) - logits[labels[i]]) / passes;
                var gradient = FgsmTests.CrossEntropyInputGradient(pass, x, labels[i]);
                for (var d = 0; d < 4; d++)
                    expectedGradient[d] += gradient[d] / passes;
            }
            result.Gradient.flatten(1)[i].data<double>().ToArray()
                .Should().Equal(expectedGradient, (a, e) => Math.Abs(a - e) < 1e-12);
            result.Loss[i].item<double>().Should().BeApproximately(expectedLoss, 1e-12);
        }
    }

    [Fact]
    public void Compute_ManyEotSamples_ConvergesToTheExpectedGradient()
    {
        // With the loss z₀ (the first logit), each pass's gradient is W₀ + E₀ with E₀ ~ N(0, s²) per entry, so the
        // average over n passes is W₀ plus noise of standard deviation s/√n: within 4 s/√n of W₀, while one pass
        // alone typically is not within s/2.
        using var scope = NewDisposeScope();
        var mean = LinearTarget.Random(classes: 2, features: 6, seed: 7);
        const double s = 1.0;
        const int passes = 400;
        var target = new NoisyLinearTarget(mean, s, seed: 11);
        var inputs = rand([1, 1, 2, 3], float64, generator: new Generator(3));
        var batch = AttackBatch.Check(inputs, tensor(new long[] { 0 }));
        PerSampleLoss firstLogit = (_, logits) => logits.select(1, 0);
        var expected = Enumerable.Range(0, 6).Select(d => mean.Weights[0, d]).ToArray();

        var averaged = InputGradient.Compute(target, batch, inputs, firstLogit, passes).Gradient.flatten().data<double>().ToArray();
        var single = InputGradient.Compute(target, batch, inputs, firstLogit, 1).Gradient.flatten().data<double>().ToArray();

        averaged.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 4 * s / Math.Sqrt(passes));
        single.Zip(expected, (a, e) => Math.Abs(a - e)).Max().Should().BeGreaterThan(s / 2);
    }

    [Fact]
    public void Compute_TargetWithTrainableWeights_LeavesTheirGradientsAlone()
    {
        using var scope = NewDisposeScope();
        var weights = randn([3, 4], float64, generator: new Generator(1)).requires_grad_(true);
        var target = new FunctionTarget(x => x.flatten(1).matmul(weights.t()));
        var inputs = rand([2, 1, 2, 2], float64, generator: new Generator(2));
        var batch = AttackBatch.Check(inputs, tensor(new long[] { 0, 2 }));

        using (no_grad())
            InputGradient.Compute(target, batch, inputs, AttackLosses.CrossEntropy(batch.Labels), 2);

        weights.grad.Should().BeNull();
    }

    [Fact]
    public void Compute_LabelNotBelowTheClassCount_IsRejected()
    {
        using var scope = NewDisposeScope();
        var target = LinearTarget.Random(classes: 3, features: 4, seed: 1);
        var batch = AttackBatch.Check(rand(2, 1, 2, 2), tensor(new long[] { 0, 3 }));

        var compute = () => InputGradient.Compute(target, batch, batch.Inputs, AttackLosses.CrossEntropy(batch.Labels), 1);

        compute.Should().Throw<ArgumentException>().WithMessage("*[0, 3)*got label 3*");
    }

    [Fact]
    public void Compute_TargetReturningAnotherShape_IsRejected()
    {
        using var scope = NewDisposeScope();
        var target = new FunctionTarget(x => x.flatten(1).sum(1));
        var batch = AttackBatch.Check(rand(2, 1, 2, 2), tensor(new long[] { 0, 1 }));

        var compute = () => InputGradient.Compute(target, batch, batch.Inputs, AttackLosses.CrossEntropy(batch.Labels), 1);

        compute.Should().Throw<ArgumentException>().WithMessage("*[B, M] with B = 2*got shape [2]*");
    }

    private static double TotalLoss(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        using var scope = NewDisposeScope();
        using var noGradient = no_grad();
        return nn.functional.cross_entropy(target.Logits(inputs), labels, reduction: nn.Reduction.Sum).item<double>();
    }

    private static double LogSumExp(double[] values)
    {
        var largest = values.Max();
        return largest + Math.Log(values.Sum(v => Math.Exp(v - largest)));
    }

    private sealed class FunctionTarget(Func<Tensor, Tensor> logits) : IAttackTarget
    {
        public int Timesteps => 1;

        public Tensor Logits(Tensor inputs) => logits(inputs);
    }
}

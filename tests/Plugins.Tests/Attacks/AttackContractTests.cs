using Neuromorph.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>What every attack promises, checked on many random batches of a fake model.</summary>
public sealed class AttackContractTests
{
    private const double Epsilon = 8.0 / 255;
    private const double MaxL2 = 0.3;

    /// <summary>Every attack with options that make it move far (large steps, a large c), so the bounds bind.</summary>
    public static TheoryData<string, (string, object)[]> Attacks => new()
    {
        { "gaussian-noise", [("sigma", 0.1)] },
        { "fgsm", [("epsilon", Epsilon)] },
        { "pgd", [("epsilon", Epsilon), ("step", 0.05), ("steps", 3), ("restarts", 2)] },
        { "bim", [("epsilon", Epsilon), ("step", 0.05), ("steps", 3)] },
        { "cw", [("c", 50.0), ("learning_rate", 0.5), ("steps", 5), ("max_l2", MaxL2)] },
        { "apgd-ce", [("epsilon", Epsilon), ("steps", 5), ("restarts", 2)] },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Perturb_RandomBatches_StaysInBudgetAndBoxAndKeepsInputs(string name, (string, object)[] options)
    {
        var attack = AttackFactory.Create(name, seed: 3, options);
        var target = LinearTarget.Random(classes: 3, features: 2 * 3 * 3, seed: 11, scale: 3);
        var generator = new Generator(7);
        var largestChange = 0.0;
        for (var trial = 0; trial < 12; trial++)
        {
            using var scope = NewDisposeScope();
            var dtype = trial % 2 == 0 ? float32 : float64;
            // Some pixels exactly at 0 or 1, where the [0, 1] clamp binds.
            var inputs = rand([4, 2, 3, 3], dtype, generator: generator).mul(1.4).sub(0.2).clamp(0.0, 1.0);
            var labels = randint(0, 3, [4], generator: generator);
            var original = inputs.clone();

            var adversarial = attack.Perturb(target, inputs, labels);

            adversarial.shape.Should().Equal(inputs.shape);
            adversarial.dtype.Should().Be(dtype);
            inputs.SameValues(original).Should().BeTrue("the attack must not change its inputs");
            adversarial.min().ToDouble().Should().BeGreaterThanOrEqualTo(0.0);
            adversarial.max().ToDouble().Should().BeLessThanOrEqualTo(1.0);
            // Measured in the norm the attack declares its budget in (the noise's sigma bounds none: max |d| is shown).
            var change = (adversarial.to(float64) - inputs.to(float64)).flatten(1);
            largestChange = Math.Max(largestChange, attack.Norm == PerturbationNorm.L2
                ? change.square().sum(1).sqrt().max().ToDouble()
                : change.abs().max().ToDouble());
            if (attack.Norm == PerturbationNorm.L2)
                largestChange.Should().BeLessThanOrEqualTo(MaxL2 * (1 + 1e-6));
            else if (attack.Norm == PerturbationNorm.Linf)
                largestChange.Should().BeLessThanOrEqualTo(Epsilon + 1e-7);
        }
        // The options make every attack reach its bound, so the checks above are not vacuous.
        largestChange.Should().BeGreaterThanOrEqualTo(attack.Norm == PerturbationNorm.L2 ? 0.9 * MaxL2 : Epsilon * (1 - 1e-6));
    }

    [Theory]
    [InlineData("gaussian-noise", "sigma")]
    [InlineData("fgsm", "epsilon")]
    [InlineData("pgd", "epsilon")]
    [InlineData("bim", "epsilon")]
    [InlineData("apgd-ce", "epsilon")]
    public void Perturb_ZeroBudget_ReturnsTheInputsExactly(string name, string budgetKey)
    {
        using var scope = NewDisposeScope();
        var attack = AttackFactory.Create(name, seed: 1, (budgetKey, 0.0));
        var target = LinearTarget.Random(classes: 3, features: 12, seed: 5);
        var inputs = rand([6, 3, 2, 2], float32, generator: new Generator(2));
        var labels = tensor(new long[] { 0, 1, 2, 0, 1, 2 });

        var adversarial = attack.Perturb(target, inputs, labels);

        adversarial.SameValues(inputs).Should().BeTrue();
    }

    [Fact]
    public void CarliniWagner_AlreadyMisclassifiedSample_IsReturnedExactly()
    {
        // The tanh-space start maps to the clean input exactly, which already succeeds with L2 = 0.
        using var scope = NewDisposeScope();
        var target = LinearTarget.Random(classes: 3, features: 12, seed: 5);
        var inputs = rand([6, 3, 2, 2], float64, generator: new Generator(2));
        var predicted = target.Logits(inputs).argmax(1);
        var wrongLabels = (predicted + 1).remainder(3);

        var adversarial = AttackFactory.Create("cw").Perturb(target, inputs, wrongLabels);

        adversarial.SameValues(inputs).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Perturb_SameSeed_GivesIdenticalResults(string name, (string, object)[] options)
    {
        using var scope = NewDisposeScope();
        var target = new SmoothTarget(classes: 3, features: 8, hidden: 5, seed: 4);
        var inputs = rand([5, 2, 2, 2], float64, generator: new Generator(9));
        var labels = tensor(new long[] { 0, 1, 2, 1, 0 });

        var first = AttackFactory.Create(name, seed: 42, options).Perturb(target, inputs, labels);
        var second = AttackFactory.Create(name, seed: 42, options).Perturb(target, inputs, labels);

        first.SameValues(second).Should().BeTrue();
    }

    [Theory]
    [InlineData("gaussian-noise")]
    [InlineData("pgd")]
    [InlineData("apgd-ce")]
    public void Perturb_DifferentSeeds_StartDifferently(string name)
    {
        // One tiny step, so the result still shows where the random start was.
        using var scope = NewDisposeScope();
        var options = name switch
        {
            "pgd" => new (string, object)[] { ("steps", 1), ("step", 1e-4) },
            "apgd-ce" => [("steps", 1), ("epsilon", 0.1)],
            _ => [],
        };
        var target = new SmoothTarget(classes: 3, features: 8, hidden: 5, seed: 4);
        var inputs = full([5, 2, 2, 2], 0.5, float64);
        var labels = tensor(new long[] { 0, 1, 2, 1, 0 });

        var first = AttackFactory.Create(name, seed: 1, options).Perturb(target, inputs, labels);
        var second = AttackFactory.Create(name, seed: 2, options).Perturb(target, inputs, labels);

        first.SameValues(second).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Perturb_Repeatedly_LeavesNoTensorsBehind(string name, (string, object)[] options)
    {
        // Two EOT passes per gradient, so the running sums are exercised too (the noise baseline has none).
        (string, object)[] withEot = name == "gaussian-noise" ? options : [.. options, ("eot_samples", 2)];
        var attack = AttackFactory.Create(name, seed: 3, withEot);
        var target = new SmoothTarget(classes: 3, features: 8, hidden: 5, seed: 4);
        var inputs = rand([5, 2, 2, 2], float64, generator: new Generator(9)).DetachFromDisposeScope();
        var labels = tensor(new long[] { 0, 1, 2, 1, 0 }).DetachFromDisposeScope();
        attack.Perturb(target, inputs, labels).Dispose();
        var afterWarmUp = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (var call = 0; call < 3; call++)
            attack.Perturb(target, inputs, labels).Dispose();

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(afterWarmUp);
        inputs.Dispose();
        labels.Dispose();
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Perturb_ResultBelongsToTheCallersScope(string name, (string, object)[] options)
    {
        var target = new SmoothTarget(classes: 3, features: 8, hidden: 5, seed: 4);
        Tensor adversarial;
        using (var scope = NewDisposeScope())
        {
            var inputs = rand([3, 2, 2, 2], float64, generator: new Generator(9));
            var labels = tensor(new long[] { 0, 1, 2 });
            adversarial = AttackFactory.Create(name, options).Perturb(target, inputs, labels);
            scope.Contains(adversarial).Should().BeTrue();
        }
        adversarial.IsInvalid.Should().BeTrue("the caller's scope disposed it");
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Perturb_EmptyBatch_ReturnsAnEmptyBatch(string name, (string, object)[] options)
    {
        using var scope = NewDisposeScope();
        var target = LinearTarget.Random(classes: 3, features: 4, seed: 1);

        var adversarial = AttackFactory.Create(name, options).Perturb(target, zeros(0, 1, 2, 2), zeros(0, dtype: int64));

        adversarial.shape.Should().Equal(0, 1, 2, 2);
    }
}

using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Tests.Training;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Robustness;

public sealed class RobustnessEvaluatorTests : IDisposable
{
    private readonly AdjustableSurrogate surrogate = new(SurrogateGradients.Create("atan"));
    private readonly SpikingNetwork network;
    private readonly BatchLoader batches = new(SyntheticImages.Create(60, 4), 16, shuffle: false, seed: 1);

    public RobustnessEvaluatorTests()
    {
        network = TinyNetworks.Csnn(surrogate);
        // Give the batch-norm layers non-trivial running statistics, as a trained network has.
        using var scope = NewDisposeScope();
        network.train();
        network.forward(rand([32, 1, 8, 8]));
    }

    public void Dispose()
    {
        batches.Dispose();
        network.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Evaluate_LeavesWeightsBatchNormStatisticsModeAndGradientFlagsUnchanged(bool training)
    {
        network.train(training);
        var before = Snapshot();
        var flags = network.parameters().Select(p => p.requires_grad).ToArray();

        Evaluate(new AttackRun("fgsm", new SignedStepAttack(0.1), new(PerturbationNorm.Linf, 0.1), null));

        network.training.Should().Be(training);
        network.parameters().Select(p => p.requires_grad).Should().Equal(flags);
        network.parameters().Select(p => p.grad is null).Should().OnlyContain(noGradient => noGradient, "an attack differentiates with respect to the inputs only");
        var after = Snapshot();
        before.Keys.Should().Contain(k => k.EndsWith(".running_mean", StringComparison.Ordinal), "the snapshot holds the batch-norm statistics");
        after.Keys.Should().BeEquivalentTo(before.Keys);
        foreach (var (name, values) in before) after[name].Should().Equal(values, $"'{name}' must not change");
    }

    [Fact]
    public void Evaluate_EpsilonZero_GivesCleanAccuracyExactly()
    {
        var result = Evaluate(new AttackRun("fgsm", new SignedStepAttack(0), new(PerturbationNorm.Linf, 0), null));

        result.Samples.Should().Be(60);
        result.Outcomes[0].Correct.Should().Equal(result.CleanCorrect);
        result.Outcomes[0].MaxLinf.Should().Be(0);
    }

    [Fact]
    public void Evaluate_RecordsBudgetAndPerSampleWorstCase()
    {
        var result = Evaluate(
            new AttackRun("fgsm", new SignedStepAttack(0.05), new(PerturbationNorm.Linf, 0.05), null),
            new AttackRun("fgsm", new SignedStepAttack(0.3), new(PerturbationNorm.Linf, 0.3), null));

        result.Outcomes[0].MaxLinf.Should().BeApproximately(0.05, 1e-6);
        result.Outcomes[1].MaxLinf.Should().BeApproximately(0.3, 1e-6);
        // A signed step moves most of the 64 pixels by ε, so a sample's L2 change is well above ε and at most 8ε.
        result.Outcomes[0].MaxL2.Should().BeGreaterThan(2 * 0.05).And.BeLessThanOrEqualTo(8 * 0.05 + 1e-6)
            .And.BeGreaterThanOrEqualTo(result.Outcomes[0].MeanL2);
        var expected = Enumerable.Range(0, result.Samples)
            .Count(i => result.CleanCorrect[i] && result.Outcomes[0].Correct[i] && result.Outcomes[1].Correct[i]) / (double)result.Samples;
        result.WorstCaseAccuracy(result.Outcomes).Should().Be(expected);
        result.WorstCaseAccuracy(result.Outcomes).Should().BeLessThanOrEqualTo(result.Outcomes.Min(o => o.Accuracy));
    }

    [Fact]
    public void Evaluate_AFailingAttack_IsRecordedByNameAndTheOthersComplete()
    {
        var result = Evaluate(
            new AttackRun("broken", new ThrowingAttack(), new(PerturbationNorm.Linf, null), null),
            new AttackRun("out-of-range", new OutOfRangeAttack(), new(PerturbationNorm.Linf, null), null),
            new AttackRun("fgsm", new SignedStepAttack(0.1), new(PerturbationNorm.Linf, 0.1), null));

        result.Outcomes[0].Error.Should().Contain("broken on purpose");
        result.Outcomes[1].Error.Should().Contain("out-of-range").And.Contain("outside the valid range [0, 1]");
        result.Outcomes[2].Failed.Should().BeFalse();
        result.Outcomes[2].Samples.Should().Be(60);
        result.WorstCaseAccuracy(result.Outcomes).Should().Be(result.WorstCaseAccuracy([result.Outcomes[2]]));
    }

    [Fact]
    public void Evaluate_AttackSurrogate_IsUsedWhileAttackingAndRestoredAfter()
    {
        var probe = new SurrogateProbeAttack(surrogate);
        var plain = new SurrogateProbeAttack(surrogate);

        Evaluate(new AttackRun("probe", probe, new(PerturbationNorm.Linf, null), SurrogateGradients.Create("sigmoid")), new AttackRun("plain", plain, new(PerturbationNorm.Linf, null), null));

        probe.Seen.Should().NotBeEmpty().And.OnlyContain(name => name == "sigmoid");
        plain.Seen.Should().NotBeEmpty().And.OnlyContain(name => name == "atan");
        surrogate.Current.Name.Should().Be("atan");
    }

    [Fact]
    public void Evaluate_ManyBatches_KeepsTheLiveTensorCountFlat()
    {
        Evaluate(new AttackRun("fgsm", new SignedStepAttack(0.1), new(PerturbationNorm.Linf, 0.1), null));
        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Evaluate(new AttackRun("fgsm", new SignedStepAttack(0.1), new(PerturbationNorm.Linf, 0.1), null));
        Evaluate(new AttackRun("fgsm", new SignedStepAttack(0.1), new(PerturbationNorm.Linf, 0.1), null));

        TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }

    private RobustnessResult Evaluate(params AttackRun[] runs) =>
        RobustnessEvaluator.Evaluate(network, surrogate, batches.Epoch(0), runs);

    private Dictionary<string, float[]> Snapshot() =>
        network.state_dict().Where(p => p.Value.is_floating_point())
            .ToDictionary(p => p.Key, p => p.Value.data<float>().ToArray());
}

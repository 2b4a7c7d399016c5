using Neuromorph.Abstractions;
using Neuromorph.Engine.Robustness;
using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Robustness;

public sealed class AdversarialMixTests
{
    [Theory]
    [InlineData(0.5, 10, 5)]
    [InlineData(0.25, 10, 3)]
    [InlineData(1.0, 7, 7)]
    [InlineData(0.01, 7, 1)]
    public void AdversarialCount_IsTheCeilingOfTheShare(double fraction, long batch, int expected)
    {
        using var network = TinyNetworks.Csnn(new AdjustableSurrogate(SurrogateGradients.Create("atan")));
        var mix = new AdversarialMix(network, new AdjustableSurrogate(SurrogateGradients.Create("atan")), fraction);

        mix.AdversarialCount(batch).Should().Be(expected);
    }

    [Fact]
    public void Apply_ReplacesTheFirstShareOnlyAndRestoresTrainingMode()
    {
        var surrogate = new AdjustableSurrogate(SurrogateGradients.Create("atan"));
        using var network = TinyNetworks.Csnn(surrogate);
        network.train();
        var mix = new AdversarialMix(network, surrogate, 0.5);
        using var scope = NewDisposeScope();
        var inputs = rand([8, 1, 8, 8]) * 0.8 + 0.1;
        var labels = tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 });

        var mixed = mix.Apply(new AttackRun("fgsm", new SignedStepAttack(0.1), new(PerturbationNorm.Linf, 0.1), null), inputs, labels);

        network.training.Should().BeTrue();
        mixed.shape.Should().Equal(inputs.shape);
        mixed.requires_grad.Should().BeFalse();
        var change = (mixed - inputs).abs().flatten(1).amax(1).data<float>().ToArray();
        change[..4].Should().OnlyContain(c => Math.Abs(c - 0.1f) < 1e-5f, "the adversarial half moves by ε in some pixel");
        change[4..].Should().OnlyContain(c => c == 0, "the clean half is untouched");
    }
}

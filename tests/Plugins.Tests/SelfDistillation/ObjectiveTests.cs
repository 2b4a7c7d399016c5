using Neuromorph.Engine.Training;
using static TorchSharp.torch;
using static Neuromorph.Plugins.Tests.SelfDistillation.ReferenceArithmetic;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>The host's objective L = CE(mean_t o(t), y) + term with scheme none and with the self-distillation schemes.</summary>
public sealed class ObjectiveTests
{
    private static readonly long[] Labels = [3, 4, 2];

    [Fact]
    public void SchemeNone_LeavesThePlainCrossEntropy()
    {
        using var scope = NewDisposeScope();
        var objective = new Objective();

        var result = objective.Compute(new NoDistillation(), FixedLogits.AsTensor(FixedLogits.Values), tensor(Labels));

        result.Loss.item<float>().Should().Be(result.CrossEntropy.item<float>());
        result.Loss.item<float>().Should().BeApproximately((float)CrossEntropyOfTheMean(), 1e-6f);
    }

    [Theory]
    [InlineData("strong2weak", FixedLogits.Strong, FixedLogits.Weak)]
    [InlineData("weak2strong", FixedLogits.Weak, FixedLogits.Strong)]
    public void SelfDistillation_AddsItsTermWithoutReadingLabels(string plugin, int teacher, int student)
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create(plugin);
        var objective = new Objective();

        var result = objective.Compute(scheme, FixedLogits.AsTensor(FixedLogits.Values), tensor(Labels));

        scheme.UsesLabels.Should().BeFalse("the host then passes null for the labels");
        var expected = CrossEntropyOfTheMean() + Kl(Softened(FixedLogits.Values, teacher, 2.0), Softened(FixedLogits.Values, student, 2.0));
        result.Loss.item<float>().Should().BeApproximately((float)expected, 2e-6f);
    }

    /// <summary>−log softmax(mean_t o(t))[y], averaged over the batch.</summary>
    private static double CrossEntropyOfTheMean()
    {
        var total = 0.0;
        for (var b = 0; b < Labels.Length; b++)
        {
            var mean = new double[5];
            for (var t = 0; t < 4; t++)
                for (var c = 0; c < 5; c++) mean[c] += FixedLogits.Values[t, b, c] / 4;
            total -= Math.Log(Softmax(mean, 1.0)[Labels[b]]);
        }
        return total / Labels.Length;
    }
}

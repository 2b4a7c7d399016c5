using static TorchSharp.torch;
using static Neuromorph.Plugins.Tests.SelfDistillation.ReferenceArithmetic;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>detach_teacher decides which timesteps' logits the term's gradient reaches (t_s = 2, t_w = 1).</summary>
public sealed class TeacherGradientTests
{
    [Theory]
    [InlineData("strong2weak", "one-to-one", false, new[] { 1, 2 })]
    [InlineData("strong2weak", "one-to-one", true, new[] { 1 })]
    [InlineData("weak2strong", "one-to-one", false, new[] { 1, 2 })]
    [InlineData("weak2strong", "one-to-one", true, new[] { 2 })]
    [InlineData("strong2weak", "ensemble-teacher", false, new[] { 0, 1, 2, 3 })]
    [InlineData("strong2weak", "ensemble-teacher", true, new[] { 1 })]
    [InlineData("weak2strong", "ensemble-student", true, new[] { 0, 2, 3 })]
    [InlineData("strong2weak", "cascade", true, new[] { 0, 1, 3 })]
    public void DetachTeacher_DecidesWhichTimestepsReceiveGradient(string plugin, string variant, bool detach, int[] reached)
    {
        var gradient = GradientRows(plugin, variant, detach);

        for (var t = 0; t < 4; t++)
        {
            if (reached.Contains(t))
                gradient[t].Should().BeGreaterThan(1e-6, "timestep {0} takes part with a gradient", t);
            else
                gradient[t].Should().Be(0, "timestep {0} gets no gradient", t);
        }
    }

    [Fact]
    public void DetachedTeacher_StudentGradientIsTheKlDerivative()
    {
        using var scope = NewDisposeScope();
        var logits = FixedLogits.AsTensor(FixedLogits.Values).requires_grad_(true);
        var scheme = SchemeFactory.Create("strong2weak", options: ("detach_teacher", true));

        scheme.Compute(logits, null).Loss.backward();

        // d KL(P‖softmax(z/α)) / dz = (Q − P) / α per sample, divided by B for the batch mean.
        var teacher = Softened(FixedLogits.Values, FixedLogits.Strong, 2.0);
        var student = Softened(FixedLogits.Values, FixedLogits.Weak, 2.0);
        var gradient = logits.grad![FixedLogits.Weak].data<float>().ToArray();
        for (var b = 0; b < 3; b++)
            for (var c = 0; c < 5; c++)
                gradient[b * 5 + c].Should().BeApproximately((float)((student[b][c] - teacher[b][c]) / (2.0 * 3)), 1e-6f);
    }

    /// <summary>The summed absolute gradient of the term with respect to each timestep's logits.</summary>
    private static double[] GradientRows(string plugin, string variant, bool detach)
    {
        using var scope = NewDisposeScope();
        var logits = FixedLogits.AsTensor(FixedLogits.Values).requires_grad_(true);
        var scheme = SchemeFactory.Create(plugin, options: [("variant", variant), ("detach_teacher", detach)]);

        scheme.Compute(logits, null).Loss.backward();

        return logits.grad!.abs().sum([1, 2]).to(float64).data<double>().ToArray();
    }
}

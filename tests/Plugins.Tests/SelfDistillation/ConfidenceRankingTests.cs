using static TorchSharp.torch;
using static Neuromorph.Plugins.Tests.SelfDistillation.ReferenceArithmetic;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>con(t), t_s and t_w as the diagnostics report them, against plain double arithmetic.</summary>
public sealed class ConfidenceRankingTests
{
    [Theory]
    [InlineData("max-probability")]
    [InlineData("entropy")]
    [InlineData("margin")]
    public void Confidence_MatchesHandComputedValuesAndRanking(string metric)
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create("strong2weak", options: ("confidence", metric));

        var term = scheme.Compute(FixedLogits.AsTensor(FixedLogits.Values), null);

        var expected = Enumerable.Range(0, 4).Select(t => Confidence(FixedLogits.Values, t, metric)).ToArray();
        Enumerable.Range(0, 4).OrderByDescending(t => expected[t]).Should().Equal(FixedLogits.Descending);
        term.Diagnostics["confidence"].Values.Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-6);
        term.Diagnostics["confidence"].Aggregation.Should().Be(Abstractions.DiagnosticAggregation.Mean);
        term.Diagnostics["strong_counts"].Values.Should().Equal(0.0, 0.0, 1.0, 0.0);
        term.Diagnostics["weak_counts"].Values.Should().Equal(0.0, 1.0, 0.0, 0.0);
        term.Diagnostics["strong_counts"].Aggregation.Should().Be(Abstractions.DiagnosticAggregation.Sum);
        term.Diagnostics["weak_counts"].Aggregation.Should().Be(Abstractions.DiagnosticAggregation.Sum);
    }

    [Fact]
    public void Confidence_MaxProbabilityOfTheFixedLogits_IsTheHandValue()
    {
        // Timestep 2, sample 0: softmax(2.5, −1, 0.3, 3.1, −2) peaks at class 3.
        var exps = new[] { 2.5, -1.0, 0.3, 3.1, -2.0 }.Select(Math.Exp).ToArray();
        var sample0 = exps[3] / exps.Sum();

        Softmax(Row(FixedLogits.Values, 2, 0), 1.0).Max().Should().BeApproximately(sample0, 1e-12);
        Confidence(FixedLogits.Values, 2, "max-probability").Should().BeApproximately(0.742936, 1e-6);
        Confidence(FixedLogits.Values, 1, "max-probability").Should().BeApproximately(0.283759, 1e-6);
    }

    [Fact]
    public void Ties_GoToTheLowestIndex()
    {
        using var scope = NewDisposeScope();
        // T = 5: timesteps 1 and 3 are both the strongest (copies of 2), 2 and 4 both the weakest (copies of 1).
        var logits = FixedLogits.Timesteps(0, 2, 1, 2, 1);
        var scheme = SchemeFactory.Create("strong2weak", timesteps: 5);

        var term = scheme.Compute(FixedLogits.AsTensor(logits), null);

        term.Diagnostics["confidence"].Values[1].Should().Be(term.Diagnostics["confidence"].Values[3]);
        term.Diagnostics["strong_counts"].Values.Should().Equal(0.0, 1.0, 0.0, 0.0, 0.0);
        term.Diagnostics["weak_counts"].Values.Should().Equal(0.0, 0.0, 1.0, 0.0, 0.0);
        var expected = Kl(Softened(logits, 1, 2.0), Softened(logits, 2, 2.0));
        term.Loss.item<float>().Should().BeApproximately((float)expected, 1e-6f);
    }

    [Theory]
    [InlineData("strong2weak", "one-to-one")]
    [InlineData("weak2strong", "ensemble-teacher")]
    [InlineData("strong2weak", "ensemble-student")]
    [InlineData("weak2strong", "simultaneous")]
    [InlineData("strong2weak", "cascade")]
    public void EqualConfidences_GiveAZeroTermThatBackpropagates(string pluginName, string variant)
    {
        using var scope = NewDisposeScope();
        // Every timestep the same: t_s = t_w = 0, nothing to distil.
        var logits = FixedLogits.AsTensor(FixedLogits.Timesteps(0, 0, 0, 0)).requires_grad_(true);
        var scheme = SchemeFactory.Create(pluginName, options: ("variant", variant));

        var term = scheme.Compute(logits, null);
        (logits.mean([0]).sum() + term.Loss).backward();

        term.Loss.item<float>().Should().Be(0f);
        term.Diagnostics["distillation_loss"].Values.Should().Equal(0.0);
        term.Diagnostics["strong_counts"].Values.Should().Equal(1.0, 0.0, 0.0, 0.0);
        term.Diagnostics["weak_counts"].Values.Should().Equal(1.0, 0.0, 0.0, 0.0);
        logits.grad!.isfinite().all().item<bool>().Should().BeTrue();
    }
}

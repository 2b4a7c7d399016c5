using static TorchSharp.torch;
using static Neuromorph.Plugins.Tests.SelfDistillation.ReferenceArithmetic;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>
/// The term of every variant of method.md §3 in both directions at α = 2, against KLs computed in plain double
/// arithmetic for the fixed logits (t_s = 2, t_w = 1, ranking 2, 0, 3, 1).
/// </summary>
public sealed class VariantDivergenceTests
{
    private const double Alpha = 2.0;
    private const int S = FixedLogits.Strong;
    private const int W = FixedLogits.Weak;

    public static TheoryData<string, string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string, string>();
        foreach (var plugin in new[] { "strong2weak", "weak2strong" })
        {
            foreach (var variant in new[] { "one-to-one", "simultaneous", "cascade" })
                cases.Add(plugin, variant, "logits", "separate");
            foreach (var over in new[] { "logits", "probabilities" })
            {
                cases.Add(plugin, "ensemble-teacher", over, "separate");
                foreach (var form in new[] { "separate", "mean" })
                    cases.Add(plugin, "ensemble-student", over, form);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Term_EqualsTheHandComputedKl(string plugin, string variant, string over, string form)
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create(plugin, options: [("variant", variant), ("ensemble_over", over), ("ensemble_student", form)]);

        var term = scheme.Compute(FixedLogits.AsTensor(FixedLogits.Values), null);

        var expected = Expected(plugin == "strong2weak", variant, over, form);
        expected.Should().BeGreaterThan(1e-3, "the fixed logits give every variant a non-trivial term");
        term.Loss.shape.Should().BeEmpty();
        term.Loss.item<float>().Should().BeApproximately((float)expected, 2e-6f);
        term.Diagnostics["distillation_loss"].Values.Should().ContainSingle().Which.Should().BeApproximately(expected, 2e-6);
    }

    [Fact]
    public void Cascade_FollowsTheConfidenceRankingNotTheIndexOrder()
    {
        using var scope = NewDisposeScope();
        var logits = FixedLogits.AsTensor(FixedLogits.Values);
        var strongToWeak = SchemeFactory.Create("strong2weak", options: ("variant", "cascade")).Compute(logits, null).Loss.item<float>();
        var weakToStrong = SchemeFactory.Create("weak2strong", options: ("variant", "cascade")).Compute(logits, null).Loss.item<float>();

        // Ranking r = 2, 0, 3, 1: Strong2Weak chains 2→0→3→1, Weak2Strong 1→3→0→2.
        var chainDown = (Kl(Q(2), Q(0)) + Kl(Q(0), Q(3)) + Kl(Q(3), Q(1))) / 3;
        var chainUp = (Kl(Q(0), Q(2)) + Kl(Q(3), Q(0)) + Kl(Q(1), Q(3))) / 3;
        var indexOrder = (Kl(Q(0), Q(1)) + Kl(Q(1), Q(2)) + Kl(Q(2), Q(3))) / 3;

        strongToWeak.Should().BeApproximately((float)chainDown, 2e-6f);
        weakToStrong.Should().BeApproximately((float)chainUp, 2e-6f);
        Math.Abs(chainDown - indexOrder).Should().BeGreaterThan(1e-2, "the test must tell the ranking from the index order");
    }

    [Fact]
    public void Weight_ScalesTheTermLinearly()
    {
        using var scope = NewDisposeScope();
        var scheme = SchemeFactory.Create("strong2weak", options: ("weight", 0.25));

        var loss = scheme.Compute(FixedLogits.AsTensor(FixedLogits.Values), null).Loss.item<float>();

        loss.Should().BeApproximately((float)(0.25 * Kl(Q(S), Q(W))), 1e-6f);
    }

    [Theory]
    [InlineData("strong2weak", "one-to-one")]
    [InlineData("weak2strong", "cascade")]
    public void TemperatureSquaredScaling_MultipliesByFourAtAlphaTwo(string plugin, string variant)
    {
        using var scope = NewDisposeScope();
        var logits = FixedLogits.AsTensor(FixedLogits.Values);
        var plain = SchemeFactory.Create(plugin, options: ("variant", variant)).Compute(logits, null).Loss.item<float>();
        var scaled = SchemeFactory.Create(plugin, options: [("variant", variant), ("scale_by_temperature_squared", true)])
            .Compute(logits, null).Loss.item<float>();

        plain.Should().BeGreaterThan(0f);
        scaled.Should().BeApproximately(4f * plain, 1e-6f);
    }

    private static double[][] Q(int t) => Softened(FixedLogits.Values, t, Alpha);

    private static double[][] Ensemble(int[] timesteps, string over) => over == "logits"
        ? EnsembleOfLogits(FixedLogits.Values, timesteps, Alpha)
        : EnsembleOfProbabilities(FixedLogits.Values, timesteps, Alpha);

    private static int[] Others(int excluded) => Enumerable.Range(0, 4).Where(t => t != excluded).ToArray();

    /// <summary>method.md §3's table, row by row.</summary>
    private static double Expected(bool strongToWeak, string variant, string over, string form) => (variant, strongToWeak) switch
    {
        ("one-to-one", true) => Kl(Q(S), Q(W)),
        ("one-to-one", false) => Kl(Q(W), Q(S)),
        ("ensemble-teacher", true) => Kl(Ensemble(Others(W), over), Q(W)),
        ("ensemble-teacher", false) => Kl(Ensemble(Others(S), over), Q(S)),
        ("ensemble-student", true) => form == "mean"
            ? Kl(Q(S), Ensemble(Others(S), over))
            : Others(S).Average(t => Kl(Q(S), Q(t))),
        ("ensemble-student", false) => form == "mean"
            ? Kl(Q(W), Ensemble(Others(W), over))
            : Others(W).Average(t => Kl(Q(W), Q(t))),
        ("simultaneous", _) => Kl(Q(S), Q(W)) + Kl(Q(W), Q(S)),
        ("cascade", true) => (Kl(Q(2), Q(0)) + Kl(Q(0), Q(3)) + Kl(Q(3), Q(1))) / 3,
        ("cascade", false) => (Kl(Q(0), Q(2)) + Kl(Q(3), Q(0)) + Kl(Q(1), Q(3))) / 3,
        _ => throw new ArgumentException($"no expected value for {variant}"),
    };
}

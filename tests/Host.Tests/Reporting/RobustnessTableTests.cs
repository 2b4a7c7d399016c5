using Neuromorph.Abstractions;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Tests.Reporting;

public sealed class RobustnessTableTests
{
    [Theory]
    [InlineData(PerturbationNorm.Linf, 8.0 / 255, "Linf 8/255")]
    [InlineData(PerturbationNorm.Linf, 1.0, "Linf 255/255")]
    [InlineData(PerturbationNorm.Linf, 0.0, "Linf 0/255")]
    [InlineData(PerturbationNorm.Linf, 0.03, "Linf 0.03")]
    [InlineData(PerturbationNorm.Linf, 2.0, "Linf 2")]
    [InlineData(PerturbationNorm.L2, 1.0, "L2 1")]
    [InlineData(PerturbationNorm.L2, 0.5, "L2 0.5")]
    [InlineData(PerturbationNorm.L2, 8.0 / 255, "L2 0.03137")]
    [InlineData(PerturbationNorm.Other, 0.25, "Other 0.25")]
    [InlineData(PerturbationNorm.L2, null, "L2")]
    [InlineData(PerturbationNorm.Other, null, "Other")]
    public void Budget_NamesTheNorm_AndWritesLinfInTwoHundredFiftyFifthsOnly(PerturbationNorm norm, double? epsilon, string expected)
    {
        RobustnessTable.Budget(norm, epsilon).Should().Be(expected);
    }

    [Fact]
    public void Write_AnL2AttackAtOne_PrintsL2AndAPlainNumber_NotTwoHundredFiftyFiveTwoHundredFiftyFifths()
    {
        var report = new RobustnessReport("best.ckpt", 100, 4, 10, 0.9,
            [Attack("fgsm", PerturbationNorm.Linf, 8.0 / 255), Attack("l2-attack", PerturbationNorm.L2, 1.0)],
            [
                new WorstCaseReport(PerturbationNorm.Linf, 8.0 / 255, ["fgsm@0.03137"], 0.5),
                new WorstCaseReport(PerturbationNorm.L2, 1.0, ["l2-attack@1"], 0.4),
            ]);
        using var output = new StringWriter();

        RobustnessTable.Write(output, "tiny", report);

        var lines = output.ToString().Split('\n');
        lines.Single(line => line.TrimStart().StartsWith("l2-attack", StringComparison.Ordinal))
            .Should().MatchRegex(@"^  l2-attack +L2 1 ").And.NotContain("/255");
        lines.Single(line => line.TrimStart().StartsWith("fgsm", StringComparison.Ordinal)).Should().MatchRegex(@"^  fgsm +Linf 8/255 ");
        lines.Where(line => line.TrimStart().StartsWith("worst case", StringComparison.Ordinal)).Should().SatisfyRespectively(
            linf => linf.Should().MatchRegex(@"^  worst case +Linf 8/255 +over fgsm@0\.03137 +0\.5000 "),
            l2 => l2.Should().MatchRegex(@"^  worst case +L2 1 +over l2-attack@1 +0\.4000 "));
    }

    private static AttackReport Attack(string name, PerturbationNorm norm, double epsilon) =>
        new(name, norm, epsilon, "atan (the model's)", new Dictionary<string, object?> { ["epsilon"] = epsilon }, 10, 0.5, 1.0, 0.1, 0.2, 0.15, null);
}

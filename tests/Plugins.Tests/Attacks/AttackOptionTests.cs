using System.Reflection;
using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>The six attacks as the host sees them: names, option keys and defaults, and bad values rejected at creation.</summary>
public sealed class AttackOptionTests
{
    [Fact]
    public void Assembly_HoldsTheSixAttacks()
    {
        var types = AttackFactory.AttackTypes();

        types.Select(t => t.GetCustomAttribute<PluginAttribute>()!.Name).Should().BeEquivalentTo(AttackFactory.Names);
        types.Should().AllSatisfy(type =>
        {
            type.GetCustomAttribute<PluginAttribute>()!.Description.Should().NotBeNullOrWhiteSpace();
            type.IsSealed.Should().BeTrue();
            type.IsPublic.Should().BeFalse();
        });
    }

    [Theory]
    [InlineData("fgsm", PerturbationNorm.Linf)]
    [InlineData("pgd", PerturbationNorm.Linf)]
    [InlineData("bim", PerturbationNorm.Linf)]
    [InlineData("apgd-ce", PerturbationNorm.Linf)]
    [InlineData("cw", PerturbationNorm.L2)]
    [InlineData("gaussian-noise", PerturbationNorm.Other)]
    public void Norm_IsWhatTheAttacksBudgetBounds(string name, PerturbationNorm expected)
    {
        // cw bounds the L2 length of a perturbation (max_l2); the noise's sigma bounds no norm of it.
        AttackFactory.Create(name).Norm.Should().Be(expected);
    }

    [Fact]
    public void OptionsRecords_HaveTheProtocolsKeysAndDefaults()
    {
        const double eightOf255 = 8.0 / 255;
        const double stepOf255 = 0.01; // 2.55/255

        AttackFactory.Defaults("gaussian-noise").Should().Equal(new Dictionary<string, object?> { ["sigma"] = eightOf255 });
        AttackFactory.Defaults("fgsm").Should().Equal(new Dictionary<string, object?>
        {
            ["epsilon"] = eightOf255, ["eot_samples"] = 1,
        });
        AttackFactory.Defaults("pgd").Should().Equal(new Dictionary<string, object?>
        {
            ["epsilon"] = eightOf255, ["step"] = stepOf255, ["steps"] = 7, ["random_start"] = true, ["restarts"] = 1,
            ["eot_samples"] = 1,
        });
        AttackFactory.Defaults("bim").Should().Equal(new Dictionary<string, object?>
        {
            ["epsilon"] = eightOf255, ["step"] = stepOf255, ["steps"] = 7, ["eot_samples"] = 1,
        });
        AttackFactory.Defaults("cw").Should().Equal(new Dictionary<string, object?>
        {
            ["c"] = 0.5, ["kappa"] = 0.0, ["steps"] = 10, ["learning_rate"] = 0.01, ["max_l2"] = 0.0, ["eot_samples"] = 1,
        });
        AttackFactory.Defaults("apgd-ce").Should().Equal(new Dictionary<string, object?>
        {
            ["epsilon"] = eightOf255, ["steps"] = 10, ["restarts"] = 1, ["rho"] = 0.75, ["eot_samples"] = 1,
        });
    }

    [Theory]
    [InlineData("gaussian-noise")]
    [InlineData("fgsm")]
    [InlineData("pgd")]
    [InlineData("bim")]
    [InlineData("cw")]
    [InlineData("apgd-ce")]
    public void Create_WithDefaults_Succeeds(string name) =>
        AttackFactory.Create(name).Should().BeAssignableTo<IAdversarialAttack>();

    [Theory]
    [InlineData("gaussian-noise", "sigma", -0.01)]
    [InlineData("gaussian-noise", "sigma", double.NaN)]
    [InlineData("fgsm", "epsilon", -1e-3)]
    [InlineData("fgsm", "epsilon", double.NaN)]
    [InlineData("fgsm", "epsilon", double.PositiveInfinity)]
    [InlineData("fgsm", "eot_samples", 0)]
    [InlineData("pgd", "epsilon", -0.1)]
    [InlineData("pgd", "step", 0.0)]
    [InlineData("pgd", "step", -0.01)]
    [InlineData("pgd", "step", double.NaN)]
    [InlineData("pgd", "steps", 0)]
    [InlineData("pgd", "restarts", 0)]
    [InlineData("pgd", "eot_samples", -1)]
    [InlineData("bim", "epsilon", double.NaN)]
    [InlineData("bim", "step", 0.0)]
    [InlineData("bim", "steps", 0)]
    [InlineData("bim", "eot_samples", 0)]
    [InlineData("cw", "c", 0.0)]
    [InlineData("cw", "c", -1.0)]
    [InlineData("cw", "c", double.NaN)]
    [InlineData("cw", "kappa", -0.5)]
    [InlineData("cw", "steps", 0)]
    [InlineData("cw", "learning_rate", 0.0)]
    [InlineData("cw", "learning_rate", double.NaN)]
    [InlineData("cw", "max_l2", -1.0)]
    [InlineData("cw", "eot_samples", 0)]
    [InlineData("apgd-ce", "epsilon", -0.1)]
    [InlineData("apgd-ce", "steps", 0)]
    [InlineData("apgd-ce", "restarts", 0)]
    [InlineData("apgd-ce", "rho", 0.0)]
    [InlineData("apgd-ce", "rho", 1.5)]
    [InlineData("apgd-ce", "eot_samples", 0)]
    public void Create_BadValue_IsAnOptionsErrorNamingTheKey(string name, string key, object value)
    {
        var create = () => AttackFactory.Create(name, (key, value));

        var error = create.Should().Throw<PluginOptionsException>().Which;
        error.Key.Should().Be(key);
        error.Message.Should().StartWith(key).And.Contain($"got {value}");
    }
}

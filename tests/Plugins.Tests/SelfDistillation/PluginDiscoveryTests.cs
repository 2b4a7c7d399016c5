using System.Reflection;
using System.Text.Json;
using Neuromorph.Abstractions;
using Neuromorph.Plugins.SelfDistillation;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>Each assembly holds one scheme, found by its [Plugin] name and creatable as the host creates it.</summary>
public sealed class PluginDiscoveryTests
{
    [Theory]
    [InlineData("Neuromorph.Plugins.Strong2Weak", "strong2weak")]
    [InlineData("Neuromorph.Plugins.Weak2Strong", "weak2strong")]
    public void Assembly_HoldsExactlyItsScheme(string assemblyName, string pluginName)
    {
        var types = SchemeFactory.SchemeTypes(assemblyName);

        types.Should().ContainSingle();
        var type = types[0];
        type.GetCustomAttribute<PluginAttribute>()!.Name.Should().Be(pluginName);
        type.GetCustomAttribute<PluginAttribute>()!.Description.Should().NotBeNullOrWhiteSpace();
        type.IsSealed.Should().BeTrue();
        type.IsPublic.Should().BeFalse();
    }

    [Theory]
    [InlineData("strong2weak")]
    [InlineData("weak2strong")]
    public void Create_WithDefaults_NeedsNoLabels(string pluginName)
    {
        var scheme = SchemeFactory.Create(pluginName);

        scheme.UsesLabels.Should().BeFalse();
    }

    [Theory]
    [InlineData("strong2weak")]
    [InlineData("weak2strong")]
    public void OptionsRecord_HasTheIssuesKeysAndDefaults(string pluginName)
    {
        var constructor = SchemeFactory.TypeOf(pluginName).GetConstructors().Single();
        var optionsType = constructor.GetParameters().Single(p => p.ParameterType != typeof(PluginContext)).ParameterType;
        var parameters = optionsType.GetConstructors().Single(c => c.GetParameters().Length > 0).GetParameters();

        var defaults = parameters.ToDictionary(
            p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!),
            p => p.DefaultValue is Enum member ? JsonNamingPolicy.KebabCaseLower.ConvertName(member.ToString()) : p.DefaultValue);

        defaults.Should().Equal(new Dictionary<string, object?>
        {
            ["variant"] = "one-to-one",
            ["temperature"] = 2.0,
            ["weight"] = 1.0,
            ["confidence"] = "max-probability",
            ["detach_teacher"] = false,
            ["scale_by_temperature_squared"] = false,
            ["ensemble_over"] = "logits",
            ["ensemble_student"] = "separate",
        });
    }

    [Fact]
    public void EnumMembers_AreWrittenAsTheIssueSpellsThem()
    {
        Kebab<SelfDistillationVariant>().Should().Equal("one-to-one", "ensemble-teacher", "ensemble-student", "simultaneous", "cascade");
        Kebab<ConfidenceMetric>().Should().Equal("max-probability", "entropy", "margin");
        Kebab<EnsembleAveraging>().Should().Equal("logits", "probabilities");
        Kebab<EnsembleStudentForm>().Should().Equal("separate", "mean");
    }

    private static string[] Kebab<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(m => JsonNamingPolicy.KebabCaseLower.ConvertName(m.ToString())).ToArray();
}

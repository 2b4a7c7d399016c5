using System.Text.Json;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Plugins.OutOfTree;

/// <summary>
/// A third party's attack, generated from the template and built against the packed contract, attacks a trained
/// run through the <c>attack</c> command, beside a built-in attack, in an ε sweep.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class OutOfTreeAttackCommandTests(OutOfTreePluginBuild build, TrainedTinyRun trained) : IClassFixture<TrainedTinyRun>
{
    [Fact]
    public async Task Attack_TemplatePluginFromPluginDir_IsRunSweptAndReported()
    {
        // 128 test images: the template's 10 signed steps at 8/255 leave 69 of the 83 the tiny run classifies correctly.
        var run = await CliRun.RunAsync("attack", trained.RunDir, "--plugin-dir", build.PluginFolder,
            "--attack", OutOfTreePluginBuild.PluginName, "--attack", "fgsm", "--epsilons", "0,8/255", "--limit", "128");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain(OutOfTreePluginBuild.PluginName);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "robustness.json"))).RootElement;
        var clean = report.GetProperty("clean_accuracy").GetDouble();
        var ours = report.GetProperty("attacks").EnumerateArray()
            .Where(a => a.GetProperty("name").GetString() == OutOfTreePluginBuild.PluginName)
            .OrderBy(a => a.GetProperty("epsilon").GetDouble())
            .ToArray();
        ours.Should().HaveCount(2);
        ours[0].GetProperty("accuracy").GetDouble().Should().Be(clean, "ε = 0 leaves every input as it was");
        ours[0].GetProperty("max_linf").GetDouble().Should().Be(0);
        ours[1].GetProperty("max_linf").GetDouble().Should().BeLessThanOrEqualTo(8.0 / 255 + 1e-6).And.BePositive();
        ours[1].GetProperty("accuracy").GetDouble().Should().BeLessThan(clean);
    }
}

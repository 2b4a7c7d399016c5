using Neuromorph.Abstractions;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins.OutOfTree;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>
/// Plugins built against other minor versions of the contract (the stand-ins of tests/Fixtures/FixtureMinorVersions):
/// an older one loads and works, a newer one is refused before it is loaded.
/// </summary>
[Collection(FixturePluginCollection.Name)]
public sealed class ContractMinorVersionTests(FixturePluginBuild build) : IDisposable
{
    private static readonly PluginContext Context = new(Timesteps: 1, ClassCount: 2, Seed: 3);
    private readonly TemporaryDirectory temporary = new();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Load_AttackBuiltAgainstANewerMinor_IsRefusedSayingToUpdateOrRebuild()
    {
        var (major, minor) = (ContractVersion.Major, ContractVersion.Minor);

        using var catalog = PluginCatalog.Load([build.AttackOnNextFolder]);

        catalog.All.Should().BeEmpty();
        var problem = catalog.Problems.Should().ContainSingle().Subject;
        problem.AssemblyName.Should().Be("FixtureAttackOnNext");
        problem.Reason.Should().Be(
            $"FixtureAttackOnNext.dll ({Path.Combine(build.AttackOnNextFolder, "FixtureAttackOnNext.dll")}) was built against " +
            $"contract {major}.{minor + 1}, this host provides {major}.{minor}; update Neuromorph or build against {major}.{minor}.");
    }

    [Fact]
    public void Load_AttackBuiltAgainstContract11_IsFoundAttacksHostTensorsAndCountsAsLinf()
    {
        using var catalog = PluginCatalog.Load([build.AttackOn11Folder]);

        catalog.Problems.Should().BeEmpty();
        var descriptor = catalog.Find(PluginKind.Attack, "legacy-shift");
        descriptor.ContractVersion.Should().Be(new Version(1, 0, 0, 0));
        var attack = PluginActivator.Create<IAdversarialAttack>(
            descriptor, type => OptionsBinder.Bind(type, TomlText.Parse("epsilon = 0.25", "attack.toml"), "attack.legacy-shift"),
            Context, surrogate: null);
        using var inputs = torch.tensor(new float[] { 0f, 0.5f, 0.9f, 1f }).reshape(1, 1, 2, 2);
        using var labels = torch.tensor(new long[] { 1 });
        using var adversarial = attack.Perturb(new LinearAttackTarget(new double[4, 2], [0.0, 0.0]), inputs, labels);

        // Every value raised by ε = 0.25 and clipped to [0, 1].
        adversarial.data<float>().ToArray().Should().Equal(0.25f, 0.75f, 1f, 1f);
        attack.Norm.Should().Be(PerturbationNorm.Linf, "contract 1.1 had no norm: its attacks count as L∞");
    }

    [Fact]
    public async Task Plugins_ShowsTheContractVersionEachPluginWasBuiltAgainst()
    {
        var config = CliRun.WriteConfig(temporary.Path, $"""
            [plugins]
            directories = ["{build.AttackOn11Folder}"]
            """);

        var run = await CliRun.RunAsync("plugins", "--config", config);

        run.ExitCode.Should().Be(0, run.Error);
        // Contracts 1.0 and 1.1 both had assembly version 1.0.0.0, so the reference cannot tell them apart.
        run.Output.Should().MatchRegex(@"(?m)^legacy-shift +attack +\S+ +contract 1\.0-1\.1 ");
        run.Output.Should().MatchRegex($@"(?m)^fgsm +attack +\S+ +contract {ContractVersion.Major}\.{ContractVersion.Minor} ");
    }
}

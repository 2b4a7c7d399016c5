using System.Runtime.Loader;
using Neuromorph.Abstractions;
using Neuromorph.Host.Plugins;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>Loads the real fixture plugins, built by <see cref="FixturePluginBuild"/>, through the catalog.</summary>
[Collection(FixturePluginCollection.Name)]
public sealed class PluginCatalogFixtureTests(FixturePluginBuild build)
{
    private static readonly PluginContext TwoTimesteps = new(Timesteps: 2, ClassCount: 3, Seed: 7);

    [Fact]
    public void Load_FixtureRoot_DescribesTheFixtureScheme()
    {
        using var catalog = PluginCatalog.Load([build.Root]);

        var descriptor = catalog.All.Should().ContainSingle().Subject;
        descriptor.Name.Should().Be("fixture-scale");
        descriptor.Kind.Should().Be(PluginKind.DistillationScheme);
        descriptor.Version.Should().StartWith("2.3.4");
        descriptor.AssemblyPath.Should().Be(Path.Combine(build.Root, "FixtureScheme", "FixtureScheme.dll"));
        descriptor.ImplementationType.FullName.Should().Be("Neuromorph.Fixtures.FixtureScheme.FixtureScale");
        descriptor.OptionsType!.FullName.Should().Be("Neuromorph.Fixtures.FixtureScheme.FixtureScaleOptions");
        descriptor.Description.Should().Be("Test fixture: the mean logit times a factor.");
    }

    [Fact]
    public void Load_BuildOutputFolder_FindsThePluginNextToItsDepsFile()
    {
        using var catalog = PluginCatalog.Load([build.SchemeFolder]);

        catalog.All.Select(descriptor => descriptor.Name).Should().Equal("fixture-scale");
        catalog.Problems.Should().BeEmpty("the contract assembly built alongside is not taken for a plugin");
    }

    [Fact]
    public void Create_FixtureScale_ComputesFactorTimesMeanOnAHostTensor()
    {
        using var catalog = PluginCatalog.Load([build.Root]);
        var descriptor = catalog.Find(PluginKind.DistillationScheme, "fixture-scale");
        Type? requested = null;

        var scheme = PluginActivator.Create<IDistillationScheme>(
            descriptor,
            type => { requested = type; return Activator.CreateInstance(type, 0.25)!; },
            TwoTimesteps,
            surrogate: null);
        // [T=2, B=1, M=3]: the six logits sum to 24, so the mean is 4 and the loss 0.25 * 4 = 1.
        using var logits = torch.tensor(new float[] { 1, 2, 3, 4, 5, 9 }).reshape(2, 1, 3);
        var term = scheme.Compute(logits, labels: null);

        requested.Should().Be(descriptor.OptionsType);
        term.Loss.item<float>().Should().BeApproximately(1.0f, 1e-6f);
        term.Diagnostics["mean_logit"].Values.Should().Equal(4.0);
        scheme.UsesLabels.Should().BeFalse();
        AssemblyLoadContext.GetLoadContext(scheme.GetType().Assembly).Should().NotBeSameAs(AssemblyLoadContext.Default);
        scheme.GetType().Assembly.IsCollectible.Should().BeTrue();
        AssemblyLoadContext.GetLoadContext(term.Loss.GetType().Assembly).Should().BeSameAs(AssemblyLoadContext.Default);
    }

    [Fact]
    public void Create_InvalidFactor_PropagatesThePluginOptionsException()
    {
        using var catalog = PluginCatalog.Load([build.Root]);
        var descriptor = catalog.Find(PluginKind.DistillationScheme, "fixture-scale");

        var create = () => catalog.Create(descriptor, type => Activator.CreateInstance(type, double.NaN)!, TwoTimesteps, null);

        create.Should().Throw<PluginOptionsException>().Which.Key.Should().Be("factor");
    }

    [Fact]
    public void Find_UnknownName_ListsAvailableNamesAndSuggestsTheNearest()
    {
        using var catalog = PluginCatalog.Load([build.Root]);

        var find = () => catalog.Find(PluginKind.DistillationScheme, "fixture-scal");

        var exception = find.Should().Throw<PluginNotFoundException>().Which;
        exception.Message.Should().Contain("'fixture-scal'").And.Contain("Available: fixture-scale.")
            .And.Contain("Did you mean 'fixture-scale'?");
        exception.Kind.Should().Be(PluginKind.DistillationScheme);
    }

    [Fact]
    public void Find_OtherKind_SaysNoPluginsOfThatKind()
    {
        using var catalog = PluginCatalog.Load([build.Root]);

        var find = () => catalog.Find(PluginKind.Attack, "fixture-scale");

        find.Should().Throw<PluginNotFoundException>()
            .WithMessage("No adversarial attack plugin is named 'fixture-scale': no adversarial attack plugins were found.*");
    }

    [Fact]
    public void Load_PluginBuiltAgainstContract09_IsRefusedNamingBothVersionsAndTheFile()
    {
        using var catalog = PluginCatalog.Load([build.Root]);

        var problem = catalog.Problems.Should().ContainSingle().Subject;
        problem.AssemblyName.Should().Be("FixtureOldContract");
        problem.AssemblyPath.Should().Be(Path.Combine(build.Root, "FixtureOldContract", "FixtureOldContract.dll"));
        problem.Reason.Should().Contain("FixtureOldContract.dll").And.Contain("contract 0.9").And.Contain($"contract {ContractVersion.Current}");
        catalog.Names(PluginKind.DistillationScheme).Should().NotContain("old-scale");
    }

    [Fact]
    public void Load_SameNameInTwoDirectories_ThrowsNamingBothPaths()
    {
        using var temporary = new TemporaryDirectory();
        var first = temporary.CopyFolder(build.SchemeFolder, "a/FixtureScheme");
        var second = temporary.CopyFolder(build.SchemeFolder, "b/FixtureScheme");

        var load = () => PluginCatalog.Load([Path.GetDirectoryName(first)!, Path.GetDirectoryName(second)!]);

        load.Should().Throw<PluginConfigurationException>()
            .Which.Message.Should().Contain("'fixture-scale'")
            .And.Contain(Path.Combine(first, "FixtureScheme.dll"))
            .And.Contain(Path.Combine(second, "FixtureScheme.dll"));
    }

    [Fact]
    public void Load_GarbageAssembly_IsReportedAndSkipped()
    {
        using var temporary = new TemporaryDirectory();
        temporary.CopyFolder(build.SchemeFolder, "FixtureScheme");
        var garbage = Path.Combine(temporary.Folder("Garbage"), "Garbage.dll");
        File.WriteAllBytes(garbage, [0x4d, 0x5a, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef]);

        using var catalog = PluginCatalog.Load([temporary.Path]);

        catalog.All.Select(descriptor => descriptor.Name).Should().Equal("fixture-scale");
        var problem = catalog.Problems.Should().ContainSingle().Subject;
        problem.AssemblyName.Should().Be("Garbage");
        problem.AssemblyPath.Should().Be(garbage);
        problem.Reason.Should().StartWith("Not a loadable .NET assembly");
    }

    [Fact]
    public void RejectShadowing_ReservedNameTaken_ThrowsNamingThePluginFile()
    {
        using var catalog = PluginCatalog.Load([build.Root]);

        catalog.Invoking(c => c.RejectShadowing(PluginKind.DistillationScheme, ["none"])).Should().NotThrow();
        catalog.Invoking(c => c.RejectShadowing(PluginKind.DistillationScheme, ["none", "fixture-scale"]))
            .Should().Throw<PluginConfigurationException>()
            .Which.Message.Should().Contain(Path.Combine(build.Root, "FixtureScheme", "FixtureScheme.dll"));
    }
}

using System.Runtime.Loader;
using Neuromorph.Abstractions;
using Neuromorph.Host.HotReload;
using Neuromorph.Host.Plugins;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>Reading a plugin file without loading it, and replacing a loaded version in the catalog (real fixture builds).</summary>
[Collection(FixturePluginCollection.Name)]
public sealed class HotReloadLoadingTests(FixturePluginBuild build) : IDisposable
{
    private readonly TemporaryDirectory temporary = new();

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Read_FixtureScheme_GivesItsVersionHashAndContract()
    {
        var path = Path.Combine(build.SchemeFolder, "FixtureScheme.dll");

        var snapshot = AssemblySnapshot.Read(path);

        snapshot.Version.Should().StartWith("2.3.4");
        snapshot.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        snapshot.Describe().Should().Be($"{snapshot.Version} (sha256 {snapshot.Sha256[..8]})");
        snapshot.ContractReference.Should().Be(typeof(ContractVersion).Assembly.GetName().Version, "a plugin references the contract assembly's version, fixed within a major version");
        snapshot.Refusal().Should().BeNull();
    }

    [Fact]
    public void Refusal_OldContractOrNotAnAssembly_SaysWhy()
    {
        var text = Path.Combine(temporary.Path, "Plugin.dll");
        File.WriteAllText(text, "not an assembly");

        AssemblySnapshot.Read(Path.Combine(build.OldContractFolder, "FixtureOldContract.dll")).Refusal()
            .Should().Contain("plugin contract 0.9").And.Contain($"contract {ContractVersion.Current}");
        var garbage = AssemblySnapshot.Read(text);
        garbage.Version.Should().Be("unknown");
        garbage.Refusal().Should().Contain("not a loadable .NET assembly");
    }

    [Fact]
    public void Replace_NewVersionOfAnAssembly_IsFoundInsteadAndTheOldLoadContextIsCollected()
    {
        temporary.CopyFolder(build.SchemeFolder, "FixtureScheme");
        using var catalog = PluginCatalog.Load([temporary.Path], loadInMemory: true);
        var path = Path.Combine(temporary.Path, "FixtureScheme", "FixtureScheme.dll");
        var old = OldContext(catalog);
        var scan = PluginAssemblyScanner.Scan(path, loadInMemory: true);

        catalog.ReplacementConflict(path, scan).Should().BeNull();
        ReplaceAndUnloadTheOld(catalog, path, scan);

        IsFrom(catalog, old).Should().BeFalse("the catalog finds the new version");
        catalog.All.Should().ContainSingle();
        IsCollected(old).Should().BeTrue("the replaced version is the caller's, and disposing its loader unloads it");
    }

    [Fact]
    public void ReplacementConflict_NewVersionDefinesAPluginAnotherAssemblyHas_NamesTheOtherFile()
    {
        var first = temporary.CopyFolder(build.SchemeFolder, "a/FixtureScheme");
        var second = temporary.CopyFolder(build.SchemeFolder, "b/FixtureScheme");
        using var catalog = PluginCatalog.Load([Path.GetDirectoryName(first)!]);
        var scan = PluginAssemblyScanner.Scan(Path.Combine(second, "FixtureScheme.dll"));
        try
        {
            catalog.ReplacementConflict(Path.Combine(second, "FixtureScheme.dll"), scan)
                .Should().Contain("'fixture-scale'").And.Contain(Path.Combine(first, "FixtureScheme.dll"));
        }
        finally
        {
            scan.Loader?.Dispose();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool IsFrom(PluginCatalog catalog, WeakReference context) =>
        AssemblyLoadContext.GetLoadContext(catalog.Find(PluginKind.DistillationScheme, "fixture-scale").ImplementationType.Assembly) == context.Target;

    // Not inlined, so no reference to the load context outlives this method on the caller's stack.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference OldContext(PluginCatalog catalog) =>
        new(AssemblyLoadContext.GetLoadContext(catalog.Find(PluginKind.DistillationScheme, "fixture-scale").ImplementationType.Assembly));

    private static bool IsCollected(WeakReference reference)
    {
        for (var attempt = 0; attempt < 20 && reference.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        return !reference.IsAlive;
    }

    /// <summary>Not inlined, so the replaced version's descriptors (and their types) are not kept alive by a local.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ReplaceAndUnloadTheOld(PluginCatalog catalog, string path, PluginAssemblyScan scan)
    {
        var replaced = catalog.Replace(path, scan);
        replaced.Descriptors.Should().ContainSingle().Which.Name.Should().Be("fixture-scale");
        replaced.Loader!.Dispose();
    }
}

using Neuromorph.Host.Plugins;

namespace Neuromorph.Host.Tests.Plugins;

public sealed class PluginDirectoriesTests
{
    [Fact]
    public void ForHost_StartsWithTheBundledFolderNextToTheHost()
    {
        using var temporary = new TemporaryDirectory();

        var directories = PluginDirectories.ForHost([temporary.Path]);

        directories.Should().Equal(Path.Combine(AppContext.BaseDirectory, "plugins"), temporary.Path);
    }

    [Fact]
    public void FindAssemblies_SubfoldersAndBuildOutput_FollowTheNamingRules()
    {
        using var temporary = new TemporaryDirectory();
        var plugin = Touch(temporary.Folder("Alpha"), "Alpha.dll");
        Touch(temporary.Folder("Beta"), "Other.dll");            // folder and file names differ: ignored
        var built = Touch(temporary.Path, "Gamma.dll");
        Touch(temporary.Path, "Gamma.deps.json");
        Touch(temporary.Path, "Delta.dll");                       // no deps file beside it: ignored
        Touch(temporary.Path, "Neuromorph.Abstractions.dll");     // the contract is never a plugin
        Touch(temporary.Path, "Neuromorph.Abstractions.deps.json");

        var found = PluginDirectories.FindAssemblies([temporary.Path, temporary.Path]);

        found.Should().BeEquivalentTo([plugin, built]);
    }

    [Fact]
    public void FindAssemblies_MissingExtraDirectory_ThrowsNamingIt()
    {
        using var temporary = new TemporaryDirectory();
        var missing = Path.Combine(temporary.Path, "nowhere");

        var find = () => PluginDirectories.FindAssemblies([missing]);

        find.Should().Throw<PluginConfigurationException>().WithMessage($"Plugin directory '{missing}' does not exist.*");
    }

    [Fact]
    public void Load_PluginBuildOutputBelowWhereTheHostLooks_IsReportedWithWhatToDo()
    {
        // A plugin project's folder given as the plugin directory: its build output sits four folders down.
        using var temporary = new TemporaryDirectory();
        var output = temporary.Folder("MyScheme/bin/Release/net10.0");
        Touch(output, "MyScheme.dll");
        Touch(output, "MyScheme.deps.json");
        Touch(output, "Neuromorph.Abstractions.dll");
        Touch(output, "Neuromorph.Abstractions.deps.json");

        using var catalog = PluginCatalog.Load([temporary.Path]);

        catalog.All.Should().BeEmpty();
        catalog.Problems.Should().Equal(new PluginLoadProblem("MyScheme", Path.Combine(output, "MyScheme.dll"),
            $"Not loaded: it is 4 folders below the plugin directory '{temporary.Path}', deeper than the host looks "
            + "(<directory>/<Name>/<Name>.dll, or <Name>.dll beside <Name>.deps.json in the directory itself). "
            + $"Add '{output}' to the plugin directories, or build the plugin with -o '{Path.Combine(temporary.Path, "MyScheme")}'."));
    }

    [Fact]
    public void Load_PluginInAFolderNamedOtherwise_IsReportedAsNotAPluginFolder()
    {
        using var temporary = new TemporaryDirectory();
        var folder = temporary.Folder("my-scheme-1.2");
        Touch(folder, "MyScheme.dll");
        Touch(folder, "MyScheme.deps.json");

        using var catalog = PluginCatalog.Load([temporary.Path]);

        catalog.Problems.Should().ContainSingle().Which.Reason.Should().StartWith(
            $"Not loaded: its folder is not named MyScheme, so the host does not take it for a plugin folder of '{temporary.Path}' (");
    }

    [Fact]
    public void Load_PluginsWhereTheHostLooks_AreNotReportedAsNested()
    {
        using var temporary = new TemporaryDirectory();
        Touch(temporary.Folder("Alpha"), "Alpha.dll");
        Touch(temporary.Folder("Alpha"), "Alpha.deps.json");
        Touch(temporary.Path, "Gamma.dll");
        Touch(temporary.Path, "Gamma.deps.json");

        using var catalog = PluginCatalog.Load([temporary.Path]);

        // Both are found (and, being empty files, refused as assemblies): neither is reported as out of reach.
        catalog.Problems.Select(problem => problem.AssemblyName).Should().BeEquivalentTo(["Alpha", "Gamma"]);
        catalog.Problems.Should().OnlyContain(problem => problem.Reason.StartsWith("Not a loadable .NET assembly"));
    }

    private static string Touch(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllBytes(path, []);
        return path;
    }
}

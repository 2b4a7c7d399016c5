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

    private static string Touch(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllBytes(path, []);
        return path;
    }
}

using System.Security;
using Neuromorph.Abstractions;
using Neuromorph.Host.Tests.Cli;

namespace Neuromorph.Host.Tests.Plugins.OutOfTree;

/// <summary>
/// Builds an attack plugin the way a third party would, once per test run: packs the repository's
/// <c>Abstractions</c> project into a local feed, installs the <c>templates/attack-plugin</c> template into
/// an isolated template hive, instantiates it as <see cref="ProjectName"/>, and builds that project in
/// Release against the packed contract. <see cref="PluginFolder"/> is then a plugin directory for the host.
/// </summary>
public sealed class OutOfTreePluginBuild : IAsyncLifetime
{
    /// <summary>The project the template is instantiated as (<c>dotnet new neuromorph-attack -n ...</c>).</summary>
    public const string ProjectName = "OutOfTreeAttack";

    /// <summary>The attack's plugin name the template derives from <see cref="ProjectName"/>.</summary>
    public const string PluginName = "out-of-tree-attack";

    private static readonly TimeSpan QuickCommandTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private readonly TemporaryDirectory temporary = new();
    private readonly CompilerServer compiler = CompilerServer.Acquire();

    public OutOfTreePluginBuild()
    {
        FeedFolder = Path.Combine(temporary.Path, "feed");
        ProjectFolder = Path.Combine(temporary.Path, ProjectName);
        PluginFolder = Path.Combine(ProjectFolder, "bin", "Release", "net10.0");
    }

    /// <summary>The local NuGet feed holding the freshly packed <c>Neuromorph.Abstractions</c> package.</summary>
    public string FeedFolder { get; }

    /// <summary>The project generated from the template.</summary>
    public string ProjectFolder { get; }

    /// <summary>The plugin's build output folder: the directory to list in <c>[plugins] directories</c>.</summary>
    public string PluginFolder { get; }

    /// <summary>The packed contract package.</summary>
    public string PackagePath =>
        Path.Combine(FeedFolder, $"Neuromorph.Abstractions.{ContractVersion.Major}.{ContractVersion.Minor}.0.nupkg");

    /// <summary>Builds on a pool thread, so the collection's other fixtures build at the same time.</summary>
    public Task InitializeAsync() => Task.Run(() =>
    {
        Pack();
        WriteNuGetConfig(temporary.Path);
        Instantiate();
        DotnetCommand.Run(ProjectFolder, BuildTimeout, ["build", "-c", "Release", "-nodeReuse:false", .. compiler.BuildArguments]);
    });

    public Task DisposeAsync()
    {
        compiler.Release();
        temporary.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Packs the repository's contract project into <see cref="FeedFolder"/>.</summary>
    private void Pack() =>
        DotnetCommand.Run(
            temporary.Path, BuildTimeout,
            [
                "pack", Path.Combine(RepositoryPaths.Root, "Abstractions", "Abstractions.csproj"), "-c", "Release", "-o", FeedFolder,
                // Its own bin/obj, so this never races a build of the repository's projects.
                "--artifacts-path", Path.Combine(temporary.Path, "artifacts"),
                "-nodeReuse:false", .. compiler.BuildArguments,
            ]);

    /// <summary>
    /// Installs the repository's attack template into a template hive of its own (the user's templates are
    /// left alone) and instantiates it as <see cref="ProjectName"/> in <see cref="ProjectFolder"/>.
    /// </summary>
    private void Instantiate()
    {
        var root = temporary.Path;
        var hive = Path.Combine(root, "template-hive");
        DotnetCommand.Run(
            root, QuickCommandTimeout,
            "new", "install", Path.Combine(RepositoryPaths.Root, "templates", "attack-plugin"), "--debug:custom-hive", hive);
        DotnetCommand.Run(
            root, QuickCommandTimeout,
            "new", "neuromorph-attack", "-n", ProjectName, "-o", ProjectFolder, "--debug:custom-hive", hive);
    }

    /// <summary>
    /// A nuget.config for the temporary folder: the local feed in addition to the machine's own sources
    /// (inherited from the user and machine configuration), and a packages folder of its own so the test
    /// package never lands in the user's global cache. That cache serves as a fallback folder, so packages
    /// the repository already restored (TorchSharp) are not fetched again, unless it holds some
    /// Neuromorph.Abstractions, which would shadow the fresh one.
    /// </summary>
    private static void WriteNuGetConfig(string root)
    {
        var output = DotnetCommand.Run(root, QuickCommandTimeout, "nuget", "locals", "global-packages", "--list");
        var userPackages = output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("global-packages:", StringComparison.Ordinal))
            .Select(line => line["global-packages:".Length..].Trim())
            .FirstOrDefault();
        var useFallback = userPackages is not null && Directory.Exists(userPackages)
            && !Directory.Exists(Path.Combine(userPackages, "neuromorph.abstractions"));
        var fallback = useFallback
            ? $"""
                <fallbackPackageFolders>
                  <add key="user-global-packages" value="{SecurityElement.Escape(userPackages)}" />
                </fallbackPackageFolders>
              """
            : "";
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="packages" />
              </config>
              <packageSources>
                <add key="neuromorph-test-feed" value="feed" />
              </packageSources>
            {fallback}
            </configuration>
            """);
    }
}

using System.Security;
using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins.OutOfTree;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>
/// Builds the fixture plugin projects under tests/Fixtures once per test run, into
/// <c>Root/FixtureScheme/</c> and <c>Root/FixtureOldContract/</c> (so Root is itself a plugin directory) and the
/// others each into a folder of its own outside Root. Tests rebuild some of them with the knobs of FixtureBuild.props.
/// </summary>
public sealed class FixturePluginBuild : IAsyncLifetime
{
    /// <summary>The fixture scheme's project, relative to the repository.</summary>
    public const string SchemeProject = "tests/Fixtures/FixtureScheme";

    /// <summary>The fixture neuron's project, relative to the repository.</summary>
    public const string NeuronProject = "tests/Fixtures/FixtureNeuron";

    /// <summary>The fixture attacks' project, relative to the repository.</summary>
    public const string AttackProject = "tests/Fixtures/FixtureAttack";

    /// <summary>The folder of the attack fixtures built against other minor versions of the contract.</summary>
    private const string MinorVersionsFolder = "tests/Fixtures/FixtureMinorVersions";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly TemporaryDirectory output = new();
    private readonly TemporaryDirectory elsewhere = new();
    private readonly CompilerServer compiler = CompilerServer.Acquire();

    public FixturePluginBuild()
    {
        SchemeFolder = Path.Combine(Root, "FixtureScheme");
        OldContractFolder = Path.Combine(Root, "FixtureOldContract");
        // Outside Root, so the catalog tests that load Root see the scheme fixtures only.
        AttackFolder = Path.Combine(elsewhere.Path, "FixtureAttack");
        NeuronFolder = Path.Combine(elsewhere.Path, "FixtureNeuron");
        MistakesFolder = Path.Combine(elsewhere.Path, "FixtureMistakes");
        AttackOn11Folder = Path.Combine(elsewhere.Path, "FixtureAttackOn11");
        AttackOnNextFolder = Path.Combine(elsewhere.Path, "FixtureAttackOnNext");
    }

    /// <summary>The directory holding one subfolder per fixture plugin.</summary>
    public string Root => output.Path;

    /// <summary>The build output folder of the fixture-scale scheme.</summary>
    public string SchemeFolder { get; }

    /// <summary>The build output folder of the plugin built against contract 0.9.</summary>
    public string OldContractFolder { get; }

    /// <summary>The build output folder of the fixture-failing attack (not under <see cref="Root"/>).</summary>
    public string AttackFolder { get; }

    /// <summary>The build output folder of the fixture-lif neuron (not under <see cref="Root"/>).</summary>
    public string NeuronFolder { get; }

    /// <summary>
    /// The build output folder of the plugins with authors' mistakes, needs-count and wants-surrogate (not under
    /// <see cref="Root"/>).
    /// </summary>
    public string MistakesFolder { get; }

    /// <summary>
    /// The build output folder of the legacy-shift attack, built against contract 1.1 as it shipped (assembly version
    /// 1.0.0.0); not under <see cref="Root"/>.
    /// </summary>
    public string AttackOn11Folder { get; }

    /// <summary>
    /// The build output folder of the future-shift attack, built against the next minor version of the contract; not
    /// under <see cref="Root"/>.
    /// </summary>
    public string AttackOnNextFolder { get; }

    /// <summary>Builds on a pool thread, so the collection's other fixtures build at the same time.</summary>
    public Task InitializeAsync() => Task.Run(() => BuildAll(new Dictionary<string, string>
    {
        [SchemeProject] = SchemeFolder,
        ["tests/Fixtures/FixtureOldContract/Plugin"] = OldContractFolder,
        [AttackProject] = AttackFolder,
        [NeuronProject] = NeuronFolder,
        ["tests/Fixtures/FixtureMistakes"] = MistakesFolder,
        [MinorVersionsFolder + "/AttackOn11"] = AttackOn11Folder,
        [MinorVersionsFolder + "/AttackOnNext"] = AttackOnNextFolder,
    }));

    public Task DisposeAsync()
    {
        compiler.Release();
        output.Dispose();
        elsewhere.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Builds <paramref name="project"/> (relative to the repository, one of the fixtures the constructor built, so
    /// restored already: the knobs are environment variables, which restore does not read) into
    /// <paramref name="target"/> with <paramref name="environment"/> set for the build (the fixtures' build knobs);
    /// returns whether it succeeded and what it printed. A failed build is not an error here: some tests break builds on
    /// purpose.
    /// </summary>
    public (bool Succeeded, string Output) Rebuild(string project, string target, IReadOnlyDictionary<string, string> environment)
    {
        string[] arguments =
        [
            "build", Path.Combine(RepositoryPaths.Root, project), "-c", "Release", "-o", target, "--no-restore", "-nodeReuse:false",
            .. compiler.BuildArguments,
        ];
        var (exitCode, printed) = DotnetCommand.TryRun(RepositoryPaths.Root, BuildTimeout, arguments, environment);
        return (exitCode == 0, printed);
    }

    /// <summary>
    /// Builds each project (relative to the repository) into its folder, all in one <c>dotnet build</c> of a traversal
    /// project written for them: one MSBuild start-up and one restore instead of one per fixture (8 s against 16 s for
    /// the seven here). They build one after another, as <c>dotnet build -o</c> would build each: their contract
    /// project is built into each output folder from one obj folder.
    /// </summary>
    private void BuildAll(IReadOnlyDictionary<string, string> folders)
    {
        var fixtures = string.Join("\n", folders.Select(pair =>
            $"""    <Fixture Include="{Escape(ProjectFile(pair.Key))}" AdditionalProperties="OutputPath={Escape(pair.Value)}/" />"""));
        var traversal = Path.Combine(elsewhere.Path, "fixtures.proj");
        File.WriteAllText(traversal, $"""
            <Project DefaultTargets="Build">
              <ItemGroup>
            {fixtures}
              </ItemGroup>
              <Target Name="Restore">
                <MSBuild Projects="@(Fixture)" Targets="Restore" />
              </Target>
              <Target Name="Build">
                <MSBuild Projects="@(Fixture)" Properties="Configuration=Release;_CommandLineDefinedOutputPath=true" />
              </Target>
            </Project>
            """);
        var (exitCode, printed) = DotnetCommand.TryRun(
            RepositoryPaths.Root, BuildTimeout, ["build", traversal, "-nodeReuse:false", .. compiler.BuildArguments], new Dictionary<string, string>());
        if (exitCode != 0)
            throw new InvalidOperationException($"Building the fixture plugins failed (exit {exitCode}):\n{printed}");
    }

    /// <summary>The project file in <paramref name="project"/>, a folder relative to the repository.</summary>
    private static string ProjectFile(string project) =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, project), "*.csproj").Single();

    /// <summary>A path as an MSBuild item or property value inside XML.</summary>
    private static string Escape(string path) =>
        SecurityElement.Escape(path.Replace("%", "%25").Replace(";", "%3B").Replace("$", "%24").Replace("@", "%40"))!;
}

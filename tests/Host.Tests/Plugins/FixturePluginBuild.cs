using Neuromorph.Host.Tests.Cli;
using Neuromorph.Host.Tests.Plugins.OutOfTree;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>
/// Builds the fixture plugin projects under tests/Fixtures once per test run, into
/// <c>Root/FixtureScheme/</c> and <c>Root/FixtureOldContract/</c> (so Root is itself a plugin directory).
/// </summary>
public sealed class FixturePluginBuild : IDisposable
{
    /// <summary>The fixture scheme's project, relative to the repository.</summary>
    public const string SchemeProject = "tests/Fixtures/FixtureScheme";

    /// <summary>The fixture neuron's project, relative to the repository.</summary>
    public const string NeuronProject = "tests/Fixtures/FixtureNeuron";

    /// <summary>The folder of the attack fixtures built against other minor versions of the contract.</summary>
    private const string MinorVersionsFolder = "tests/Fixtures/FixtureMinorVersions";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly TemporaryDirectory output = new();
    private readonly TemporaryDirectory attackOutput = new();
    private readonly TemporaryDirectory neuronOutput = new();
    private readonly TemporaryDirectory mistakesOutput = new();
    private readonly CompilerServer compiler = new();
    private readonly HashSet<string> restored = [];
    private readonly Lazy<string> neuronFolder;
    private readonly Lazy<string> mistakesFolder;
    private readonly TemporaryDirectory minorVersionOutput = new();
    private readonly Lazy<string> attackOn11Folder;
    private readonly Lazy<string> attackOnNextFolder;

    public FixturePluginBuild()
    {
        try
        {
            SchemeFolder = Build(SchemeProject, "FixtureScheme");
            OldContractFolder = Build("tests/Fixtures/FixtureOldContract/Plugin", "FixtureOldContract");
            // Outside Root, so the catalog tests that load Root see the scheme fixtures only.
            AttackFolder = Build("tests/Fixtures/FixtureAttack", "FixtureAttack", attackOutput.Path);
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            Dispose();
            throw;
        }
        neuronFolder = new Lazy<string>(() => Build(NeuronProject, "FixtureNeuron", neuronOutput.Path));
        mistakesFolder = new Lazy<string>(() => Build("tests/Fixtures/FixtureMistakes", "FixtureMistakes", mistakesOutput.Path));
        attackOn11Folder = new Lazy<string>(() => Build(MinorVersionsFolder + "/AttackOn11", "FixtureAttackOn11", minorVersionOutput.Path));
        attackOnNextFolder = new Lazy<string>(() => Build(MinorVersionsFolder + "/AttackOnNext", "FixtureAttackOnNext", minorVersionOutput.Path));
    }

    /// <summary>The directory holding one subfolder per fixture plugin.</summary>
    public string Root => output.Path;

    /// <summary>The build output folder of the fixture-scale scheme.</summary>
    public string SchemeFolder { get; }

    /// <summary>The build output folder of the plugin built against contract 0.9.</summary>
    public string OldContractFolder { get; }

    /// <summary>The build output folder of the fixture-failing attack (not under <see cref="Root"/>).</summary>
    public string AttackFolder { get; }

    /// <summary>The build output folder of the fixture-lif neuron (built on first use; not under <see cref="Root"/>).</summary>
    public string NeuronFolder => neuronFolder.Value;

    /// <summary>
    /// The build output folder of the plugins with authors' mistakes, needs-count and wants-surrogate (built on first
    /// use; not under <see cref="Root"/>).
    /// </summary>
    public string MistakesFolder => mistakesFolder.Value;

    /// <summary>
    /// The build output folder of the legacy-shift attack, built against contract 1.1 as it shipped (assembly version
    /// 1.0.0.0); built on first use, not under <see cref="Root"/>.
    /// </summary>
    public string AttackOn11Folder => attackOn11Folder.Value;

    /// <summary>
    /// The build output folder of the future-shift attack, built against the next minor version of the contract;
    /// built on first use, not under <see cref="Root"/>.
    /// </summary>
    public string AttackOnNextFolder => attackOnNextFolder.Value;

    public void Dispose()
    {
        compiler.Dispose();
        output.Dispose();
        attackOutput.Dispose();
        neuronOutput.Dispose();
        mistakesOutput.Dispose();
        minorVersionOutput.Dispose();
    }

    /// <summary>
    /// Builds <paramref name="project"/> (relative to the repository) into <paramref name="target"/> with
    /// <paramref name="environment"/> set for the build (the fixtures' build knobs); returns whether it
    /// succeeded and what it printed. A failed build is not an error here: some tests break builds on purpose.
    /// </summary>
    public (bool Succeeded, string Output) Rebuild(string project, string target, IReadOnlyDictionary<string, string> environment)
    {
        var (exitCode, printed) = RunBuild(project, target, environment);
        return (exitCode == 0, printed);
    }

    private string Build(string project, string name, string? outputRoot = null)
    {
        var target = Path.Combine(outputRoot ?? output.Path, name);
        var (exitCode, printed) = RunBuild(project, target, new Dictionary<string, string>());
        if (exitCode != 0)
            throw new InvalidOperationException($"Building {project} failed (exit {exitCode}):\n{printed}");
        return target;
    }

    /// <summary>
    /// One <c>dotnet build</c>, through this instance's compiler server. A project this instance has built before is
    /// restored already (the knobs are environment variables, which restore does not read), so it skips restore.
    /// </summary>
    private (int ExitCode, string Output) RunBuild(string project, string target, IReadOnlyDictionary<string, string> environment)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, project));
        string[] arguments =
        [
            "build", path, "-c", "Release", "-o", target, "-nodeReuse:false",
            .. compiler.BuildArguments, .. IsRestored(path) ? ["--no-restore"] : Array.Empty<string>(),
        ];
        var (exitCode, printed) = DotnetCommand.TryRun(RepositoryPaths.Root, BuildTimeout, arguments, environment);
        if (exitCode == 0)
            lock (restored) restored.Add(path);
        return (exitCode, printed);
    }

    private bool IsRestored(string project)
    {
        lock (restored) return restored.Contains(project);
    }
}

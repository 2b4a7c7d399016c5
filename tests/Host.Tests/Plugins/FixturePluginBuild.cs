using System.Diagnostics;

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
    private readonly string repository = FindRepositoryRoot();
    private readonly Lazy<string> neuronFolder;
    private readonly Lazy<string> mistakesFolder;
    private readonly TemporaryDirectory minorVersionOutput = new();
    private readonly Lazy<string> attackOn11Folder;
    private readonly Lazy<string> attackOnNextFolder;

    public FixturePluginBuild()
    {
        SchemeFolder = Build(SchemeProject, "FixtureScheme");
        OldContractFolder = Build("tests/Fixtures/FixtureOldContract/Plugin", "FixtureOldContract");
        // Outside Root, so the catalog tests that load Root see the scheme fixtures only.
        AttackFolder = Build("tests/Fixtures/FixtureAttack", "FixtureAttack", attackOutput.Path);
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

    private (int ExitCode, string Output) RunBuild(string project, string target, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repository,
        };
        foreach (var argument in new[]
                 {
                     "build", Path.Combine(repository, project), "-c", "Release", "-o", target,
                     "-nodeReuse:false", "-p:UseSharedCompilation=false",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        // The test host's MSBuild settings must not leak into the nested build.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        using var build = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var standardOutput = build.StandardOutput.ReadToEndAsync();
        var standardError = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(BuildTimeout))
        {
            build.Kill(entireProcessTree: true);
            throw new TimeoutException($"Building {project} took longer than {BuildTimeout}.");
        }
        return (build.ExitCode, $"{standardOutput.Result}\n{standardError.Result}");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Neuromorph.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No Neuromorph.sln above {AppContext.BaseDirectory}.");
    }
}

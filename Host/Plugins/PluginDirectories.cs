namespace Neuromorph.Host.Plugins;

/// <summary>Where plugin assemblies live, and which files in those places are plugin assemblies.</summary>
internal static class PluginDirectories
{
    /// <summary>The name of the folder next to the host where the build puts the bundled plugins.</summary>
    public const string BundledFolderName = "plugins";

    /// <summary>
    /// How many folders below a plugin directory <see cref="Misplaced"/> looks: deep enough for a project folder's
    /// <c>bin/&lt;Configuration&gt;/&lt;framework&gt;/</c> output one folder down.
    /// </summary>
    private const int NestingSearched = 5;

    /// <summary>The bundled plugins' directory: <c>plugins/</c> next to the host's assemblies.</summary>
    public static string Bundled => Path.Combine(AppContext.BaseDirectory, BundledFolderName);

    /// <summary>
    /// The directories the host searches: the bundled one, then <paramref name="extraDirectories"/>
    /// (from configuration; relative paths are resolved against the current directory).
    /// </summary>
    public static IReadOnlyList<string> ForHost(IEnumerable<string> extraDirectories) =>
        [Bundled, .. extraDirectories.Select(Path.GetFullPath)];

    /// <summary>
    /// The plugin assembly files in <paramref name="directories"/>, without repeats. In each directory,
    /// a subfolder <c>Name</c> holding <c>Name.dll</c> is a plugin, and so is a <c>Name.dll</c> next to
    /// <c>Name.deps.json</c> (a plugin project's build output folder). The bundled directory may be
    /// absent (a host built without plugins); any other missing directory is a configuration error.
    /// </summary>
    public static IReadOnlyList<string> FindAssemblies(IEnumerable<string> directories)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories.Select(Path.GetFullPath))
        {
            if (!Directory.Exists(directory))
            {
                if (string.Equals(directory, Path.GetFullPath(Bundled), StringComparison.Ordinal))
                    continue;
                throw new PluginConfigurationException(
                    $"Plugin directory '{directory}' does not exist. Fix or remove it in the plugin " +
                    "directories of the configuration.");
            }
            foreach (var assembly in AssembliesIn(directory))
            {
                if (seen.Add(assembly))
                    found.Add(assembly);
            }
        }
        return found;
    }

    /// <summary>
    /// Plugin build outputs (<c>Name.dll</c> beside <c>Name.deps.json</c>) in <paramref name="directories"/> that the
    /// host does not load because they sit deeper than it looks (or in a folder not named after them), such as a plugin
    /// project's <c>bin/Release/net10.0/</c> when the project's folder is given: without a word they would simply be
    /// missing. Looks <see cref="NestingSearched"/> folders down; <paramref name="found"/> are the assemblies loaded.
    /// </summary>
    public static IReadOnlyList<PluginLoadProblem> Misplaced(IEnumerable<string> directories, IReadOnlyList<string> found)
    {
        var loaded = found.ToHashSet(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = NestingSearched, IgnoreInaccessible = true };
        var problems = new List<PluginLoadProblem>();
        foreach (var directory in directories.Select(Path.GetFullPath).Where(Directory.Exists).Distinct(StringComparer.Ordinal))
        {
            var misplaced = BuildOutputs(Directory.EnumerateFiles(directory, "*.deps.json", options))
                .Where(path => !loaded.Contains(path))
                .Order(StringComparer.Ordinal);
            foreach (var assembly in misplaced)
            {
                var name = Path.GetFileNameWithoutExtension(assembly);
                var folder = Path.GetDirectoryName(assembly)!;
                var depth = Path.GetRelativePath(directory, folder).Split(Path.DirectorySeparatorChar).Length;
                var where = depth == 1
                    ? $"its folder is not named {name}, so the host does not take it for a plugin folder of '{directory}'"
                    : $"it is {depth} folders below the plugin directory '{directory}', deeper than the host looks";
                problems.Add(new PluginLoadProblem(name, assembly,
                    $"Not loaded: {where} (<directory>/<Name>/<Name>.dll, or <Name>.dll beside <Name>.deps.json in the directory "
                    + $"itself). Add '{folder}' to the plugin directories, or build the plugin with -o '{Path.Combine(directory, name)}'."));
            }
        }
        return problems;
    }

    private static IEnumerable<string> AssembliesIn(string directory)
    {
        var buildOutputs = BuildOutputs(Directory.EnumerateFiles(directory, "*.deps.json"));
        var subfolderPlugins = Directory.EnumerateDirectories(directory)
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".dll"))
            .Where(File.Exists);
        return buildOutputs.Concat(subfolderPlugins).Order(StringComparer.Ordinal);
    }

    /// <summary>The assemblies beside <paramref name="depsFiles"/> (<c>Name.dll</c> beside <c>Name.deps.json</c>).</summary>
    private static IEnumerable<string> BuildOutputs(IEnumerable<string> depsFiles) =>
        // A build output folder may also hold the contract assembly (built alongside): never a plugin.
        depsFiles.Select(depsFile => depsFile[..^".deps.json".Length] + ".dll").Where(path => File.Exists(path) && !IsContractAssembly(path));

    private static bool IsContractAssembly(string path) =>
        string.Equals(Path.GetFileNameWithoutExtension(path), ContractReference.AssemblyName, StringComparison.Ordinal);
}

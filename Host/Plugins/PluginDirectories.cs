namespace Neuromorph.Host.Plugins;

/// <summary>Where plugin assemblies live, and which files in those places are plugin assemblies.</summary>
internal static class PluginDirectories
{
    /// <summary>The name of the folder next to the host where the build puts the bundled plugins.</summary>
    public const string BundledFolderName = "plugins";

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

    private static IEnumerable<string> AssembliesIn(string directory)
    {
        // A build output folder may also hold the contract assembly (built alongside): never a plugin.
        var buildOutputs = Directory.EnumerateFiles(directory, "*.deps.json")
            .Select(depsFile => depsFile[..^".deps.json".Length] + ".dll")
            .Where(path => File.Exists(path) && !IsContractAssembly(path));
        var subfolderPlugins = Directory.EnumerateDirectories(directory)
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".dll"))
            .Where(File.Exists);
        return buildOutputs.Concat(subfolderPlugins).Order(StringComparer.Ordinal);
    }

    private static bool IsContractAssembly(string path) =>
        string.Equals(Path.GetFileNameWithoutExtension(path), ContractReference.AssemblyName, StringComparison.Ordinal);
}

using System.Diagnostics.CodeAnalysis;
using McMaster.NETCore.Plugins;
using Neuromorph.Abstractions;

namespace Neuromorph.Host.Plugins;

/// <summary>
/// The plugins found in the plugin directories. Owns the load context of every plugin assembly it keeps;
/// disposing the catalog unloads them (created instances must be released first). Hot reload replaces one
/// assembly's plugins by a new version of them (<see cref="Replace"/>), unloading the old version.
/// </summary>
internal sealed class PluginCatalog : IDisposable
{
    private readonly Dictionary<string, PluginLoader> loaders;
    private readonly List<PluginDescriptor> all;
    private readonly List<PluginLoadProblem> problems;
    private readonly Dictionary<(PluginKind Kind, string Name), PluginDescriptor> byName;

    private PluginCatalog(
        Dictionary<string, PluginLoader> loaders, List<PluginDescriptor> all, List<PluginLoadProblem> problems)
    {
        this.loaders = loaders;
        this.all = all;
        this.problems = problems;
        byName = all.ToDictionary(descriptor => (descriptor.Kind, descriptor.Name));
    }

    /// <summary>Every plugin found, in discovery order.</summary>
    public IReadOnlyList<PluginDescriptor> All => all;

    /// <summary>Assemblies and types that were skipped, with the reason; the host shows them as warnings.</summary>
    public IReadOnlyList<PluginLoadProblem> Problems => problems;

    /// <summary>
    /// The catalog of the bundled plugins plus <paramref name="extraDirectories"/>; with
    /// <paramref name="loadInMemory"/> the assemblies are read into memory, not mapped from their files.
    /// </summary>
    public static PluginCatalog LoadForHost(IEnumerable<string> extraDirectories, bool loadInMemory = false) =>
        Load(PluginDirectories.ForHost(extraDirectories), loadInMemory);

    /// <summary>
    /// The catalog of the plugin assemblies in <paramref name="directories"/> (see
    /// <see cref="PluginDirectories.FindAssemblies"/>). Throws <see cref="PluginConfigurationException"/>
    /// for a missing directory or two plugins of one kind sharing a name. With <paramref name="loadInMemory"/>
    /// the assemblies are read into memory, so their files may be rebuilt while they are in use (hot reload).
    /// </summary>
    public static PluginCatalog Load(IEnumerable<string> directories, bool loadInMemory = false)
    {
        var searched = directories.ToArray();
        var assemblies = PluginDirectories.FindAssemblies(searched);
        var loaders = new Dictionary<string, PluginLoader>(StringComparer.Ordinal);
        var all = new List<PluginDescriptor>();
        var problems = new List<PluginLoadProblem>(PluginDirectories.Misplaced(searched, assemblies));
        foreach (var assemblyPath in assemblies)
        {
            var scan = PluginAssemblyScanner.Scan(assemblyPath, loadInMemory);
            if (scan.Loader is not null)
                loaders[assemblyPath] = scan.Loader;
            all.AddRange(scan.Descriptors);
            problems.AddRange(scan.Problems);
        }
        var duplicate = all.GroupBy(descriptor => (descriptor.Kind, descriptor.Name)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            foreach (var loader in loaders.Values) loader.Dispose();
            var (kind, name) = duplicate.Key;
            throw new PluginConfigurationException(
                $"Two {PluginKinds.Describe(kind)} plugins are named '{name}': " +
                string.Join(" and ", duplicate.Select(descriptor => descriptor.AssemblyPath)) +
                ". Remove one of them from the plugin directories.");
        }
        return new PluginCatalog(loaders, all, problems);
    }

    /// <summary>
    /// Why the plugins of <paramref name="scan"/>, a new version of the assembly at
    /// <paramref name="assemblyPath"/>, cannot replace the old version's (a name another assembly already
    /// uses), or null when they can.
    /// </summary>
    public string? ReplacementConflict(string assemblyPath, PluginAssemblyScan scan)
    {
        foreach (var descriptor in scan.Descriptors)
        {
            if (TryFind(descriptor.Kind, descriptor.Name, out var existing) &&
                !string.Equals(existing.AssemblyPath, assemblyPath, StringComparison.Ordinal))
            {
                return $"its {PluginKinds.Describe(descriptor.Kind)} '{descriptor.Name}' is also defined in {existing.AssemblyPath}.";
            }
        }
        return null;
    }

    /// <summary>
    /// Puts the plugins of <paramref name="scan"/>, a new version of the assembly at <paramref name="assemblyPath"/>,
    /// in place of the old version's and takes ownership of its load context. Returns the old version (its plugins and
    /// load context), which the caller now owns: disposing its loader unloads it once no instance is in use.
    /// </summary>
    public PluginAssemblyScan Replace(string assemblyPath, PluginAssemblyScan scan)
    {
        var loader = scan.Loader ?? throw new ArgumentException("The scan kept no load context to take over.", nameof(scan));
        var conflict = ReplacementConflict(assemblyPath, scan);
        if (conflict is not null)
            throw new InvalidOperationException($"{assemblyPath}: {conflict}");
        var oldDescriptors = all.Where(descriptor => descriptor.AssemblyPath == assemblyPath).ToArray();
        foreach (var old in oldDescriptors)
        {
            all.Remove(old);
            byName.Remove((old.Kind, old.Name));
        }
        var oldProblems = problems.Where(problem => problem.AssemblyPath == assemblyPath).ToArray();
        problems.RemoveAll(problem => problem.AssemblyPath == assemblyPath);
        foreach (var descriptor in scan.Descriptors)
        {
            all.Add(descriptor);
            byName[(descriptor.Kind, descriptor.Name)] = descriptor;
        }
        problems.AddRange(scan.Problems);
        loaders.Remove(assemblyPath, out var previous);
        loaders[assemblyPath] = loader;
        return new PluginAssemblyScan(previous, oldDescriptors, oldProblems);
    }

    /// <summary>The names of the plugins of <paramref name="kind"/>, sorted.</summary>
    public IReadOnlyList<string> Names(PluginKind kind) =>
        All.Where(descriptor => descriptor.Kind == kind).Select(descriptor => descriptor.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether a plugin of <paramref name="kind"/> is called <paramref name="name"/>.</summary>
    public bool Contains(PluginKind kind, string name) => byName.ContainsKey((kind, name));

    /// <summary>The plugin of <paramref name="kind"/> called <paramref name="name"/>, if there is one.</summary>
    public bool TryFind(PluginKind kind, string name, [NotNullWhen(true)] out PluginDescriptor? descriptor) =>
        byName.TryGetValue((kind, name), out descriptor);

    /// <summary>
    /// The plugin of <paramref name="kind"/> called <paramref name="name"/>; otherwise throws
    /// <see cref="PluginNotFoundException"/> listing the available names and suggesting the nearest.
    /// </summary>
    public PluginDescriptor Find(PluginKind kind, string name) =>
        TryFind(kind, name, out var descriptor) ? descriptor : throw NotFound(kind, name);

    /// <summary>
    /// Throws <see cref="PluginConfigurationException"/> when a plugin of <paramref name="kind"/> takes
    /// one of <paramref name="reservedNames"/> (names the host implements itself, such as scheme <c>none</c>).
    /// </summary>
    public void RejectShadowing(PluginKind kind, IEnumerable<string> reservedNames)
    {
        foreach (var reserved in reservedNames)
        {
            if (TryFind(kind, reserved, out var descriptor))
            {
                throw new PluginConfigurationException(
                    $"Plugin '{reserved}' in {descriptor.AssemblyPath} uses a {PluginKinds.Describe(kind)} name " +
                    "the host reserves for a built-in; rename the plugin.");
            }
        }
    }

    /// <summary>Creates a plugin instance: see <see cref="PluginActivator.Create"/>.</summary>
    public object Create(
        PluginDescriptor descriptor, Func<Type, object> bindOptions, PluginContext context, ISurrogateGradient? surrogate) =>
        PluginActivator.Create(descriptor, bindOptions, context, surrogate);

    /// <summary>Unloads every plugin assembly's load context.</summary>
    public void Dispose()
    {
        foreach (var loader in loaders.Values)
            loader.Dispose();
    }

    private PluginNotFoundException NotFound(PluginKind kind, string name)
    {
        var key = PluginKinds.ConfigurationKey(kind) is { } configured ? $"{configured} = \"{name}\": " : "";
        if (Problems.FirstOrDefault(problem => problem.PluginName == name) is { } skipped)
            return new PluginNotFoundException(
                kind, name, $"{(key.Length > 0 ? $"{key}the" : "The")} plugin '{name}' in {skipped.AssemblyPath} was skipped: {skipped.Reason}");
        var names = Names(kind);
        var described = PluginKinds.Describe(kind);
        var lead = key.Length > 0 ? $"{key}no" : "No";
        var message = names.Count == 0
            ? $"{lead} {described} plugin is named '{name}': no {described} plugins were found."
            : $"{lead} {described} plugin is named '{name}'. Available: {string.Join(", ", names)}.";
        var nearest = NearestName.Find(name, names);
        if (nearest is not null)
            message += $" Did you mean '{nearest}'?";
        if (Problems.Count > 0)
            message += " Skipped plugin assemblies: " + string.Join("; ", Problems) + ".";
        return new PluginNotFoundException(kind, name, message);
    }
}

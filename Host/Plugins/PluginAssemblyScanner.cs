using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.RegularExpressions;
using McMaster.NETCore.Plugins;
using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Plugins;

/// <summary>
/// Loads one plugin assembly into its own load context, sharing the contract and TorchSharp with the
/// host so tensors and contract types cross the boundary, and lists the plugins it holds.
/// </summary>
internal static partial class PluginAssemblyScanner
{
    private static readonly Type[] SharedTypes =
    [
        typeof(INeuronModel), typeof(IDistillationScheme), typeof(IAdversarialAttack),
        typeof(PluginAttribute), typeof(torch),
    ];

    /// <summary>
    /// Scans the assembly at <paramref name="assemblyPath"/>; never throws for a bad plugin. With
    /// <paramref name="loadInMemory"/> the assembly is read into memory instead of mapped from its file, so a
    /// rebuild may overwrite the file while the plugin runs (hot reload).
    /// </summary>
    public static PluginAssemblyScan Scan(string assemblyPath, bool loadInMemory = false)
    {
        var assemblyName = Path.GetFileNameWithoutExtension(assemblyPath);
        PluginAssemblyScan Refused(string reason) =>
            new(null, [], [new PluginLoadProblem(assemblyName, assemblyPath, reason)]);

        Version? contractVersion;
        try
        {
            contractVersion = ContractReference.ReadReferencedVersion(assemblyPath);
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return Refused($"Not a loadable .NET assembly: {exception.Message}");
        }
        // Refusal refuses an assembly without a contract reference, so contractVersion is set below.
        if (ContractReference.Refusal(contractVersion, assemblyPath) is { } refusal)
            return Refused(refusal);

        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            sharedTypes: SharedTypes,
            configure: config =>
            {
                config.PreferSharedTypes = true;
                config.IsUnloadable = true;
                config.LoadInMemory = loadInMemory;
            });
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            var version = VersionOf(assembly);
            var descriptors = new List<PluginDescriptor>();
            var problems = new List<PluginLoadProblem>();
            foreach (var type in assembly.GetTypes())
            {
                var attribute = type.GetCustomAttribute<PluginAttribute>(inherit: false);
                if (attribute is null)
                    continue;
                if (TryDescribe(type, attribute, version, contractVersion!, assemblyPath, out var descriptor, out var problem))
                    descriptors.Add(descriptor);
                else
                    problems.Add(new PluginLoadProblem(assemblyName, assemblyPath, problem, attribute.Name));
            }
            if (descriptors.Count == 0)
            {
                if (problems.Count == 0)
                    problems.Add(new PluginLoadProblem(assemblyName, assemblyPath, "The assembly holds no [Plugin] classes."));
                loader.Dispose();
                return new PluginAssemblyScan(null, [], problems);
            }
            return new PluginAssemblyScan(loader, descriptors, problems);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            loader.Dispose();
            var reason = exception is ReflectionTypeLoadException typeLoad
                ? string.Join(" ", typeLoad.LoaderExceptions.Select(inner => inner?.Message).Distinct())
                : exception.Message;
            return Refused($"Failed to load: {reason}");
        }
    }

    /// <summary>
    /// Describes the <c>[Plugin]</c> class <paramref name="type"/> of an assembly built against contract
    /// <paramref name="contractVersion"/>, or explains in <paramref name="problem"/> why the host cannot use it.
    /// </summary>
    public static bool TryDescribe(
        Type type,
        PluginAttribute attribute,
        string version,
        Version contractVersion,
        string assemblyPath,
        [NotNullWhen(true)] out PluginDescriptor? descriptor,
        [NotNullWhen(false)] out string? problem)
    {
        descriptor = null;
        problem = Problem(type, attribute, out var kind, out var constructor);
        if (problem is not null)
            return false;
        descriptor = new PluginDescriptor(
            attribute.Name, kind, version, contractVersion, assemblyPath, type, constructor!.OptionsType, attribute.Description);
        return true;
    }

    private static string? Problem(Type type, PluginAttribute attribute, out PluginKind kind, out PluginConstructor? constructor)
    {
        kind = default;
        constructor = null;
        var name = $"[Plugin(\"{attribute.Name}\")] {type.FullName}";
        if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters)
            return $"{name} is abstract or generic; a plugin is a concrete class.";
        if (!PluginNamePattern().IsMatch(attribute.Name))
            return $"{name}: plugin names are lower-case letters, digits and single dashes (e.g. \"my-scheme\").";
        var kinds = PluginKinds.ImplementedBy(type);
        if (kinds.Count != 1)
        {
            var contracts = string.Join(", ", PluginKinds.All.Select(candidate => PluginKinds.ContractOf(candidate).Name));
            return kinds.Count == 0
                ? $"{name} implements none of {contracts}; a plugin implements exactly one."
                : $"{name} implements {string.Join(" and ", kinds.Select(found => PluginKinds.ContractOf(found).Name))}; " +
                  "a plugin implements exactly one plugin interface.";
        }
        kind = kinds[0];
        if (!PluginConstructor.TrySelect(type, out constructor, out var problem))
            return problem;
        if (kind != PluginKind.Neuron && constructor.NeedsSurrogate)
            return $"{name}: its constructor takes an ISurrogateGradient, which a {PluginKinds.Describe(kind)} cannot take: "
                   + "only neuron models are given one (the [neuron] surrogate). Remove the parameter.";
        // Checked here rather than when the options are first bound, so that listing or binding never meets it.
        return constructor.OptionsType is { } options && Configuration.OptionParameter.ProblemOf(options) is { } optionsProblem
            ? $"{name}: {optionsProblem}"
            : null;
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PluginNamePattern();
}

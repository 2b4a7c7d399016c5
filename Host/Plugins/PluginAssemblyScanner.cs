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

    /// <summary>Scans the assembly at <paramref name="assemblyPath"/>; never throws for a bad plugin.</summary>
    public static PluginAssemblyScan Scan(string assemblyPath)
    {
        var assemblyName = Path.GetFileNameWithoutExtension(assemblyPath);
        PluginAssemblyScan Refused(string reason) =>
            new(null, [], [new PluginLoadProblem(assemblyName, assemblyPath, reason)]);

        string? refusal;
        try
        {
            refusal = ContractReference.Refusal(ContractReference.ReadReferencedVersion(assemblyPath), assemblyPath);
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return Refused($"Not a loadable .NET assembly: {exception.Message}");
        }
        if (refusal is not null)
            return Refused(refusal);

        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            sharedTypes: SharedTypes,
            configure: config =>
            {
                config.PreferSharedTypes = true;
                config.IsUnloadable = true;
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
                var problem = Describe(type, attribute, version, assemblyPath, out var descriptor);
                if (descriptor is not null)
                    descriptors.Add(descriptor);
                else
                    problems.Add(new PluginLoadProblem(assemblyName, assemblyPath, problem!));
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

    private static string? Describe(
        Type type, PluginAttribute attribute, string version, string assemblyPath, out PluginDescriptor? descriptor)
    {
        descriptor = null;
        var name = $"[Plugin(\"{attribute.Name}\")] {type.FullName}";
        if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters)
            return $"{name} is abstract or generic; a plugin is a concrete class.";
        if (!PluginNamePattern().IsMatch(attribute.Name))
            return $"{name}: plugin names are lower-case letters, digits and single dashes (e.g. \"my-scheme\").";
        var kinds = PluginKinds.ImplementedBy(type);
        if (kinds.Count != 1)
        {
            var contracts = string.Join(", ", PluginKinds.All.Select(kind => PluginKinds.ContractOf(kind).Name));
            return kinds.Count == 0
                ? $"{name} implements none of {contracts}; a plugin implements exactly one."
                : $"{name} implements {string.Join(" and ", kinds.Select(kind => PluginKinds.ContractOf(kind).Name))}; " +
                  "a plugin implements exactly one plugin interface.";
        }
        if (!PluginConstructor.TrySelect(type, out var constructor, out var problem))
            return problem;
        descriptor = new PluginDescriptor(
            attribute.Name, kinds[0], version, assemblyPath, type, constructor.OptionsType, attribute.Description);
        return null;
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PluginNamePattern();
}

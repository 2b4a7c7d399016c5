using System.Reflection;
using System.Text.Json;
using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>
/// Finds a self-distillation plugin by its [Plugin] name and creates it the way the host does: the public
/// constructor with the most parameters, the options record bound from snake_case keys (enums from their
/// kebab-case spelling, every other key at its default) and a <see cref="PluginContext"/>.
/// </summary>
internal static class SchemeFactory
{
    public static readonly string[] AssemblyNames = ["Neuromorph.Plugins.Strong2Weak", "Neuromorph.Plugins.Weak2Strong"];

    public static Type[] SchemeTypes(string assemblyName) => Assembly.Load(assemblyName).GetTypes()
        .Where(t => t.GetCustomAttribute<PluginAttribute>() is not null && typeof(IDistillationScheme).IsAssignableFrom(t))
        .ToArray();

    public static Type TypeOf(string pluginName) => AssemblyNames.SelectMany(SchemeTypes)
        .Single(t => t.GetCustomAttribute<PluginAttribute>()!.Name == pluginName);

    public static IDistillationScheme Create(string pluginName, int timesteps = 4, params (string Key, object Value)[] options)
    {
        var constructor = TypeOf(pluginName).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var context = new PluginContext(timesteps, ClassCount: 5, Seed: 0);
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType == typeof(PluginContext) ? context : BindOptions(p.ParameterType, options))
            .ToArray();
        return (IDistillationScheme)constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, arguments, null);
    }

    private static object BindOptions(Type optionsType, (string Key, object Value)[] options)
    {
        var constructor = optionsType.GetConstructors().Single(c => c.GetParameters().Length > 0);
        var parameters = constructor.GetParameters();
        var keys = parameters.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!), p => p);
        var values = parameters.Select(p => p.DefaultValue).ToArray();
        foreach (var (key, value) in options)
        {
            if (!keys.TryGetValue(key, out var parameter))
                throw new ArgumentException($"No option '{key}'; the options are {string.Join(", ", keys.Keys)}.");
            values[parameter.Position] = parameter.ParameterType.IsEnum ? EnumMember(parameter.ParameterType, (string)value) : value;
        }
        return constructor.Invoke(values);
    }

    private static object EnumMember(Type enumType, string kebab) => Enum.GetValues(enumType).Cast<Enum>()
        .Single(member => JsonNamingPolicy.KebabCaseLower.ConvertName(member.ToString()) == kebab);
}

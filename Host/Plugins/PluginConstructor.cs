using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Neuromorph.Abstractions;

namespace Neuromorph.Host.Plugins;

/// <summary>
/// The constructor the host creates a plugin with: the public one with the most parameters, each of
/// which is the plugin's options record, <see cref="PluginContext"/> or <see cref="ISurrogateGradient"/>.
/// </summary>
/// <param name="Constructor">The chosen constructor.</param>
/// <param name="OptionsType">The options record parameter's type, or null when there is none.</param>
internal sealed record PluginConstructor(ConstructorInfo Constructor, Type? OptionsType)
{
    /// <summary>Whether the constructor takes a surrogate gradient.</summary>
    public bool NeedsSurrogate =>
        Constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(ISurrogateGradient));

    /// <summary>
    /// Chooses the constructor of <paramref name="type"/>, or explains in <paramref name="problem"/> why
    /// the host cannot create the type.
    /// </summary>
    public static bool TrySelect(
        Type type,
        [NotNullWhen(true)] out PluginConstructor? selected,
        [NotNullWhen(false)] out string? problem)
    {
        selected = null;
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0)
        {
            problem = $"{type.FullName} has no public constructor; the host creates plugins through one.";
            return false;
        }
        var most = constructors.Max(constructor => constructor.GetParameters().Length);
        var widest = constructors.Where(constructor => constructor.GetParameters().Length == most).ToArray();
        if (widest.Length > 1)
        {
            problem = $"{type.FullName} has {widest.Length} public constructors with {most} parameters; " +
                      "keep one, so the host knows which to call.";
            return false;
        }
        var optionsParameters = new List<ParameterInfo>();
        foreach (var parameter in widest[0].GetParameters())
        {
            var parameterType = parameter.ParameterType;
            if (parameterType == typeof(PluginContext) || parameterType == typeof(ISurrogateGradient))
                continue;
            if (!IsOptionsRecordCandidate(parameterType))
            {
                problem = $"{type.FullName}: constructor parameter '{parameter.Name}' has type {parameterType.Name}; " +
                          "a parameter must be an options record, PluginContext or ISurrogateGradient.";
                return false;
            }
            optionsParameters.Add(parameter);
        }
        if (optionsParameters.Count > 1)
        {
            problem = $"{type.FullName}: constructor parameters " +
                      string.Join(", ", optionsParameters.Select(parameter => $"'{parameter.Name}'")) +
                      " all look like options; a plugin takes at most one options record.";
            return false;
        }
        selected = new PluginConstructor(widest[0], optionsParameters.SingleOrDefault()?.ParameterType);
        problem = null;
        return true;
    }

    /// <summary>Like <see cref="TrySelect"/>, throwing when the type cannot be created.</summary>
    public static PluginConstructor Select(Type type) =>
        TrySelect(type, out var selected, out var problem) ? selected : throw new InvalidOperationException(problem);

    private static bool IsOptionsRecordCandidate(Type type) =>
        type.IsClass && !type.IsAbstract && type != typeof(string) && !type.IsArray;
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>
/// Finds an attack plugin by its [Plugin] name and creates it the way the host does: the public constructor with
/// the most parameters, the options record bound from snake_case keys (every other key at its default) and a
/// <see cref="PluginContext"/> carrying the seed.
/// </summary>
internal static class AttackFactory
{
    public const string AssemblyName = "Neuromorph.Plugins.Attacks";

    public static readonly string[] Names = ["gaussian-noise", "fgsm", "pgd", "bim", "cw", "apgd-ce"];

    public static Type[] AttackTypes() => Assembly.Load(AssemblyName).GetTypes()
        .Where(t => t.GetCustomAttribute<PluginAttribute>() is not null && typeof(IAdversarialAttack).IsAssignableFrom(t))
        .ToArray();

    public static Type TypeOf(string name) =>
        AttackTypes().Single(t => t.GetCustomAttribute<PluginAttribute>()!.Name == name);

    public static IAdversarialAttack Create(string name, params (string Key, object Value)[] options) =>
        Create(name, seed: 0, options);

    public static IAdversarialAttack Create(string name, long seed, params (string Key, object Value)[] options)
    {
        var constructor = TypeOf(name).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var context = new PluginContext(Timesteps: 4, ClassCount: 3, Seed: seed);
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType == typeof(PluginContext) ? context : BindOptions(p.ParameterType, options))
            .ToArray();
        return (IAdversarialAttack)constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, arguments, null);
    }

    /// <summary>The options record's keys (snake_case) and default values.</summary>
    public static Dictionary<string, object?> Defaults(string name)
    {
        var optionsType = TypeOf(name).GetConstructors().Single().GetParameters()
            .Single(p => p.ParameterType != typeof(PluginContext)).ParameterType;
        return OptionsConstructor(optionsType).GetParameters()
            .ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!), p => p.DefaultValue);
    }

    private static object BindOptions(Type optionsType, (string Key, object Value)[] options)
    {
        var constructor = OptionsConstructor(optionsType);
        var parameters = constructor.GetParameters();
        var keys = parameters.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!), p => p);
        var values = parameters.Select(p => p.DefaultValue).ToArray();
        foreach (var (key, value) in options)
        {
            if (!keys.TryGetValue(key, out var parameter))
                throw new ArgumentException($"No option '{key}'; the options are {string.Join(", ", keys.Keys)}.");
            values[parameter.Position] = Convert.ChangeType(value, parameter.ParameterType, CultureInfo.InvariantCulture);
        }
        return constructor.Invoke(values);
    }

    private static ConstructorInfo OptionsConstructor(Type optionsType) =>
        optionsType.GetConstructors().Single(c => c.GetParameters().Length > 0);
}

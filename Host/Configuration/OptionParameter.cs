using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>One constructor parameter of an options record and the TOML key it is bound from.</summary>
/// <param name="Parameter">The constructor parameter.</param>
/// <param name="Key">The parameter name in <c>snake_case</c>.</param>
/// <param name="IsExtension">Whether the parameter collects the table's other keys (<see cref="ExtensionKeysAttribute"/>).</param>
internal sealed record OptionParameter(ParameterInfo Parameter, string Key, bool IsExtension)
{
    /// <summary>The parameter's type.</summary>
    public Type Type => Parameter.ParameterType;

    /// <summary>The parameter's default value, converted to its type (enum defaults arrive as integers).</summary>
    public object? DefaultValue
    {
        get
        {
            var value = Parameter.DefaultValue;
            var target = Nullable.GetUnderlyingType(Type) ?? Type;
            return value is not null && target.IsEnum && !target.IsInstanceOfType(value)
                ? Enum.ToObject(target, value)
                : value;
        }
    }

    /// <summary>
    /// The public constructor with the most parameters of <paramref name="optionsType"/>, and its parameters.
    /// </summary>
    /// <exception cref="ArgumentException">The type is not a valid options record (see <see cref="ProblemOf"/>).</exception>
    public static (ConstructorInfo Constructor, IReadOnlyList<OptionParameter> Parameters) Of(Type optionsType) =>
        TryOf(optionsType, out var constructor, out var parameters, out var problem)
            ? (constructor, parameters)
            : throw new ArgumentException(problem, nameof(optionsType));

    /// <summary>
    /// Why <paramref name="optionsType"/> is not a valid options record (no public constructor, a parameter without a
    /// default, a parameter type TOML cannot express), or null when it is one. The plugin scan skips plugins with such
    /// records, so every plugin it keeps can be listed and bound.
    /// </summary>
    public static string? ProblemOf(Type optionsType) => TryOf(optionsType, out _, out _, out var problem) ? null : problem;

    private static bool TryOf(
        Type optionsType,
        [NotNullWhen(true)] out ConstructorInfo? constructor,
        [NotNullWhen(true)] out IReadOnlyList<OptionParameter>? parameters,
        [NotNullWhen(false)] out string? problem)
    {
        parameters = null;
        constructor = optionsType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            problem = $"options type {optionsType.FullName} has no public constructor.";
            return false;
        }
        var described = new List<OptionParameter>();
        foreach (var parameter in constructor.GetParameters())
        {
            problem = Problem(optionsType, parameter);
            if (problem is not null) return false;
            var isExtension = parameter.IsDefined(typeof(ExtensionKeysAttribute), inherit: false);
            described.Add(new OptionParameter(parameter, JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!), isExtension));
        }
        problem = described.Count(p => p.IsExtension) > 1 ? $"options type {optionsType.FullName} has more than one [ExtensionKeys] parameter." : null;
        parameters = described;
        return problem is null;
    }

    private static string? Problem(Type optionsType, ParameterInfo parameter)
    {
        var where = $"options type {optionsType.FullName}, parameter '{parameter.Name}'";
        if (!parameter.HasDefaultValue)
            return $"{where} needs a default value: every option must be optional.";
        if (!OptionValueReader.IsSupported(parameter.ParameterType))
            return $"{where} has type {parameter.ParameterType.Name}, which TOML options cannot express "
                + "(use string, bool, int, long, double, float, an enum, an array of those, or a TomlTable).";
        if (parameter.IsDefined(typeof(ExtensionKeysAttribute), inherit: false) && parameter.ParameterType != typeof(TomlTable))
            return $"{where} is marked [ExtensionKeys] but is not a TomlTable.";
        return null;
    }
}

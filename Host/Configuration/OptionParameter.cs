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
    /// <exception cref="ArgumentException">The type is not a valid options record: no public constructor, a
    /// parameter without a default, or a parameter type that TOML cannot express.</exception>
    public static (ConstructorInfo Constructor, IReadOnlyList<OptionParameter> Parameters) Of(Type optionsType)
    {
        var constructor = optionsType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new ArgumentException($"Options type {optionsType.FullName} has no public constructor.", nameof(optionsType));
        var parameters = constructor.GetParameters().Select(p => Describe(optionsType, p)).ToArray();
        if (parameters.Count(p => p.IsExtension) > 1)
            throw new ArgumentException($"Options type {optionsType.FullName} has more than one [ExtensionKeys] parameter.", nameof(optionsType));
        return (constructor, parameters);
    }

    private static OptionParameter Describe(Type optionsType, ParameterInfo parameter)
    {
        var where = $"Options type {optionsType.FullName}, parameter '{parameter.Name}'";
        if (!parameter.HasDefaultValue)
            throw new ArgumentException($"{where} needs a default value: every option must be optional.", nameof(optionsType));
        if (!OptionValueReader.IsSupported(parameter.ParameterType))
            throw new ArgumentException(
                $"{where} has type {parameter.ParameterType.Name}, which TOML options cannot express "
                + "(use string, bool, int, long, double, float, an enum, an array of those, or a TomlTable).",
                nameof(optionsType));
        var isExtension = parameter.IsDefined(typeof(ExtensionKeysAttribute), inherit: false);
        if (isExtension && parameter.ParameterType != typeof(TomlTable))
            throw new ArgumentException($"{where} is marked [ExtensionKeys] but is not a TomlTable.", nameof(optionsType));
        return new OptionParameter(parameter, JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!), isExtension);
    }
}

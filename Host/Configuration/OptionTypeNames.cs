using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>How option types and TOML values are named in messages and in the plugin listing.</summary>
internal static class OptionTypeNames
{
    /// <summary>The TOML spelling of an enum member: kebab-case (<c>StrongToWeak</c> → <c>strong-to-weak</c>).</summary>
    public static string EnumMember(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>All valid TOML spellings of <paramref name="enumType"/>'s members, in declaration order.</summary>
    public static IReadOnlyList<string> EnumMembers(Type enumType) =>
        Enum.GetValues(enumType).Cast<Enum>().Select(EnumMember).ToArray();

    /// <summary>The type as listed by the <c>plugins</c> command, e.g. <c>integer</c> or <c>array of float</c>.</summary>
    public static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return $"{Of(underlying)} (optional)";
        if (OptionValueReader.ElementType(type) is { } element)
            return $"array of {Of(element)}";
        if (type.IsEnum)
            return $"one of {string.Join(", ", EnumMembers(type))}";
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(double) || type == typeof(float) => "float",
            _ when type == typeof(TomlTable) => "table",
            _ => type.Name,
        };
    }

    /// <summary>What an error says was expected: <c>an integer</c>, <c>one of the strings a, b</c>.</summary>
    public static string Expected(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Expected(underlying);
        if (OptionValueReader.ElementType(type) is { } element)
            return $"an array of {Of(element)} values";
        if (type.IsEnum)
            return $"one of the strings {string.Join(", ", EnumMembers(type).Select(name => $"\"{name}\""))}";
        var name = Of(type);
        return name == "integer" ? "an integer" : $"a {name}";
    }

    /// <summary>What an error says was found: the TOML kind of <paramref name="value"/> and the value itself.</summary>
    public static string Found(object value)
    {
        var kind = value switch
        {
            string => "a string",
            long => "an integer",
            double => "a float",
            bool => "a boolean",
            TomlDateTime => "a date-time",
            TomlArray => "an array",
            TomlTable => "a table",
            TomlTableArray => "an array of tables",
            _ => value.GetType().Name,
        };
        return value is TomlTableArray ? kind : $"{kind} ({TomlText.FormatValue(value)})";
    }
}

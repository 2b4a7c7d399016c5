using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// Converts one value of Tomlyn's model to an option parameter's type: string, bool, int, long, double,
/// float, an enum (from a string), a nullable of those, an array (<c>T[]</c> or <c>IReadOnlyList&lt;T&gt;</c>)
/// of those, or a <see cref="TomlTable"/> kept as written.
/// </summary>
internal static class OptionValueReader
{
    /// <summary>Whether <paramref name="type"/> can be bound from TOML.</summary>
    public static bool IsSupported(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (ElementType(target) is { } element)
            return IsScalar(element);
        return IsScalar(target) || target == typeof(TomlTable);
    }

    /// <summary>The element type when <paramref name="type"/> is <c>T[]</c> or <c>IReadOnlyList&lt;T&gt;</c>.</summary>
    public static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return type.GetGenericArguments()[0];
        return null;
    }

    /// <summary>The value of <paramref name="value"/> as a <paramref name="type"/>; <paramref name="key"/> is the
    /// dotted key named in errors.</summary>
    /// <exception cref="ConfigurationException">The value has the wrong TOML type or is out of range.</exception>
    public static object Read(object value, Type type, string key)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (ElementType(target) is { } element)
            return ReadArray(value, element, type, key);
        if (target == typeof(TomlTable))
            return value as TomlTable ?? throw Mismatch(key, type, value);
        return ReadScalar(value, target, key) ?? throw Mismatch(key, type, value);
    }

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(double) || type == typeof(float) || type.IsEnum;

    private static Array ReadArray(object value, Type element, Type declared, string key)
    {
        if (value is not TomlArray array)
            throw Mismatch(key, declared, value);
        var result = Array.CreateInstance(element, array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not { } item)
                throw new ConfigurationException($"{key}[{i}] has no value.");
            result.SetValue(ReadScalar(item, element, $"{key}[{i}]") ?? throw Mismatch($"{key}[{i}]", element, item), i);
        }
        return result;
    }

    // Null means "wrong TOML type"; range errors throw here with their own message.
    private static object? ReadScalar(object value, Type type, string key) => (type, value) switch
    {
        _ when type == typeof(string) => value as string,
        _ when type == typeof(bool) => value as bool?,
        _ when type == typeof(long) => value as long?,
        _ when type == typeof(int) && value is long number => ToInt(number, key),
        _ when type == typeof(double) && value is long number => (double)number,
        _ when type == typeof(double) => value as double?,
        _ when type == typeof(float) && value is long number => (float)number,
        _ when type == typeof(float) && value is double number => (float)number,
        _ when type.IsEnum && value is string name => ToEnum(name, type, key),
        _ => null,
    };

    private static int ToInt(long number, string key) =>
        number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new ConfigurationException(
                $"{key} = {number} is out of range: it must be an integer from {int.MinValue} to {int.MaxValue}.");

    private static object ToEnum(string name, Type type, string key)
    {
        var wanted = Normalize(name);
        foreach (var member in Enum.GetValues(type).Cast<Enum>())
        {
            if (Normalize(member.ToString()) == wanted)
                return member;
        }
        throw new ConfigurationException(
            $"{key} = \"{name}\" is not valid: expected {OptionTypeNames.Expected(type)}.");
    }

    private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

    private static ConfigurationException Mismatch(string key, Type expected, object found) =>
        new($"{key}: expected {OptionTypeNames.Expected(expected)} but found {OptionTypeNames.Found(found)}.");
}

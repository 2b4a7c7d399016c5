using System.Collections;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// Converts an option value back to Tomlyn's model, the inverse of <see cref="OptionValueReader"/>:
/// integers become <see cref="long"/>, floats <see cref="double"/>, enums their kebab-case name, arrays a
/// <see cref="TomlArray"/>; tables are deep-copied so the rendered document never aliases the options.
/// </summary>
internal static class OptionValueWriter
{
    /// <summary>The TOML model value of <paramref name="value"/>, or null when it is null (the key is omitted).</summary>
    public static object? Write(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag,
        int number => (long)number,
        long number => number,
        double number => number,
        float number => (double)number,
        Enum member => OptionTypeNames.EnumMember(member),
        TomlTable table => CopyTable(table),
        TomlArray array => CopyArray(array),
        TomlTableArray tables => CopyTableArray(tables),
        IEnumerable items and not string => WriteItems(items),
        _ => value,
    };

    /// <summary>A deep copy of <paramref name="table"/>.</summary>
    public static TomlTable CopyTable(TomlTable table)
    {
        var copy = new TomlTable();
        foreach (var (key, item) in table)
            copy[key] = Write(item)!;
        return copy;
    }

    private static TomlArray CopyArray(TomlArray array)
    {
        var copy = new TomlArray(array.Count);
        foreach (var item in array)
            copy.Add(Write(item));
        return copy;
    }

    private static TomlTableArray CopyTableArray(TomlTableArray tables)
    {
        var copy = new TomlTableArray();
        foreach (var table in tables)
            copy.Add(CopyTable(table));
        return copy;
    }

    private static TomlArray WriteItems(IEnumerable items)
    {
        var array = new TomlArray();
        foreach (var item in items)
            array.Add(Write(item));
        return array;
    }
}

using System.Reflection;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// Binds a TOML table to an options record (a type whose public constructor parameters all have defaults),
/// mapping <c>snake_case</c> keys to parameter names, and renders options back to TOML. Used for the
/// configuration's sections and for plugins' option records.
/// </summary>
internal static class OptionsBinder
{
    /// <inheritdoc cref="Bind(Type, TomlTable?, string)"/>
    public static T Bind<T>(TomlTable? table, string tablePath) where T : notnull =>
        (T)Bind(typeof(T), table, tablePath);

    /// <summary>
    /// Creates an <paramref name="optionsType"/> from <paramref name="table"/>: keys present set their
    /// parameter, absent keys keep the parameter's default; no table gives all defaults.
    /// <paramref name="tablePath"/> is the table's dotted name (<c>neuron.options</c>), used in messages.
    /// </summary>
    /// <exception cref="ConfigurationException">An unknown key (with the nearest valid key suggested), a value of
    /// the wrong type, or an integer out of range of an <c>int</c> parameter.</exception>
    /// <exception cref="ArgumentException"><paramref name="optionsType"/> is not a valid options record.</exception>
    public static object Bind(Type optionsType, TomlTable? table, string tablePath)
    {
        var (constructor, parameters) = OptionParameter.Of(optionsType);
        var arguments = parameters.Select(p => p.DefaultValue).ToArray();
        var extensionIndex = IndexOf(parameters, p => p.IsExtension);
        if (extensionIndex >= 0)
            arguments[extensionIndex] = new TomlTable();

        foreach (var (key, value) in table ?? [])
        {
            var dottedKey = Join(tablePath, key);
            var index = IndexOf(parameters, p => p.Key == key && !p.IsExtension);
            if (index >= 0)
                arguments[index] = OptionValueReader.Read(value, parameters[index].Type, dottedKey);
            else if (extensionIndex >= 0)
                ((TomlTable)arguments[extensionIndex]!)[key] = OptionValueWriter.Write(value)!;
            else
                throw UnknownKey(dottedKey, tablePath, parameters.Select(p => Join(tablePath, p.Key)).ToArray());
        }

        try
        {
            return constructor.Invoke(arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    /// <summary>The keys of <paramref name="optionsType"/> in declaration order, without an extension parameter.</summary>
    public static IReadOnlyList<string> Keys(Type optionsType) =>
        OptionParameter.Of(optionsType).Parameters.Where(p => !p.IsExtension).Select(p => p.Key).ToArray();

    /// <summary>Every key of <paramref name="optionsType"/> with its type and default, for the plugin listing.</summary>
    public static IReadOnlyList<OptionDescription> Describe(Type optionsType)
    {
        var defaults = Render(Bind(optionsType, null, ""));
        return OptionParameter.Of(optionsType).Parameters
            .Where(p => !p.IsExtension)
            .Select(p => new OptionDescription(
                p.Key,
                OptionTypeNames.Of(p.Type),
                defaults.TryGetValue(p.Key, out var value) ? TomlText.FormatValue(value) : ""))
            .ToArray();
    }

    /// <summary>
    /// The effective values of a bound options object as a TOML table, keys in declaration order; null values
    /// are omitted and an extension parameter's keys are written inline.
    /// </summary>
    public static TomlTable Render(object options)
    {
        var type = options.GetType();
        var table = new TomlTable();
        foreach (var parameter in OptionParameter.Of(type).Parameters)
        {
            var property = type.GetProperty(parameter.Parameter.Name!, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException(
                    $"Options type {type.FullName} has no public property '{parameter.Parameter.Name}' for its constructor parameter.",
                    nameof(options));
            var value = OptionValueWriter.Write(property.GetValue(options));
            if (parameter.IsExtension && value is TomlTable extension)
            {
                foreach (var (key, item) in extension)
                    table[key] = item;
            }
            else if (value is not null)
            {
                table[parameter.Key] = value;
            }
        }
        return table;
    }

    /// <summary>
    /// The error for a key no parameter matches: suggests the nearest of <paramref name="validKeys"/> (the
    /// table's own dotted keys) and <paramref name="otherKeys"/> (keys of other tables), or lists the valid keys.
    /// </summary>
    public static ConfigurationException UnknownKey(
        string dottedKey, string tablePath, IReadOnlyList<string> validKeys, IEnumerable<string>? otherKeys = null)
    {
        var suggestion = NearestKey.Find(dottedKey, validKeys.Concat(otherKeys ?? []));
        var where = tablePath.Length == 0 ? "at the top level" : $"in [{tablePath}]";
        var hint = suggestion is not null
            ? $"Did you mean '{suggestion}'?"
            : validKeys.Count == 0
                ? $"No keys are valid {where}."
                : $"Valid keys {where}: {string.Join(", ", validKeys.Select(k => k[(k.LastIndexOf('.') + 1)..]))}.";
        return new ConfigurationException($"Unknown key '{dottedKey}'. {hint}");
    }

    private static string Join(string tablePath, string key) => tablePath.Length == 0 ? key : $"{tablePath}.{key}";

    private static int IndexOf(IReadOnlyList<OptionParameter> parameters, Func<OptionParameter, bool> match)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (match(parameters[i]))
                return i;
        }
        return -1;
    }
}

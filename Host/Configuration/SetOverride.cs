using Tomlyn;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// One <c>--set section.key=value</c> from the command line. The value is read as a TOML value
/// (<c>2</c>, <c>0.05</c>, <c>true</c>, <c>[16, 32]</c>, <c>"text"</c>); a bare word that is not a TOML value
/// (<c>adam</c>, <c>../data</c>) is taken as a string.
/// </summary>
/// <param name="Path">The dotted key split into its segments, at least two (<c>neuron</c>, <c>options</c>, <c>tau</c>).</param>
/// <param name="Value">The value in Tomlyn's model.</param>
internal sealed record SetOverride(IReadOnlyList<string> Path, object Value)
{
    private const string Example = "e.g. --set model.timesteps=2";

    /// <summary>The dotted key, e.g. <c>neuron.options.tau</c>.</summary>
    public string Key => string.Join('.', Path);

    /// <summary>Reads <c>section.key=value</c>.</summary>
    /// <exception cref="ConfigurationException">No <c>=</c>, an empty or malformed key, or a malformed TOML
    /// array, table or quoted string.</exception>
    public static SetOverride Parse(string assignment)
    {
        var equals = assignment.IndexOf('=');
        if (equals < 0)
            throw new ConfigurationException($"--set '{assignment}': expected section.key=value ({Example}).");
        var key = assignment[..equals].Trim();
        var path = key.Split('.');
        if (key.Length == 0 || path.Any(segment => !IsBareKey(segment)))
            throw new ConfigurationException(
                $"--set '{assignment}': '{key}' is not a dotted key of letters, digits, '_' and '-' ({Example}).");
        if (path.Length < 2)
            throw new ConfigurationException(
                $"--set '{assignment}': the key must name a table and a key, like run.epochs ({Example}).");
        return new SetOverride(path, ParseValue(assignment, assignment[(equals + 1)..].Trim()));
    }

    /// <summary>Sets the value in <paramref name="document"/>, creating missing tables on the way.</summary>
    /// <exception cref="ConfigurationException">A table on the path holds a value that is not a table.</exception>
    public void ApplyTo(TomlTable document)
    {
        var table = document;
        for (var i = 0; i < Path.Count - 1; i++)
        {
            if (!table.TryGetValue(Path[i], out var next))
                table[Path[i]] = next = new TomlTable();
            table = next as TomlTable ?? throw new ConfigurationException(
                $"--set {Key}: '{string.Join('.', Path.Take(i + 1))}' is {OptionTypeNames.Found(next)}, not a table.");
        }
        table[Path[^1]] = Value;
    }

    private static object ParseValue(string assignment, string text)
    {
        TomlException? error = null;
        try
        {
            var table = TomlSerializer.Deserialize<TomlTable>($"value = {text}");
            if (table is { Count: 1 } && table.TryGetValue("value", out var value))
                return value;
        }
        catch (TomlException exception)
        {
            error = exception;
        }
        if (text.Length > 0 && "[{\"'".Contains(text[0]))
            throw new ConfigurationException(
                $"--set '{assignment}': '{text}' is not a valid TOML value: {Reason(error)}.");
        return text;
    }

    private static string Reason(TomlException? error) =>
        error?.Diagnostics?.FirstOrDefault()?.Message.Trim().TrimEnd('.') ?? "it is more than one value";

    private static bool IsBareKey(string segment) =>
        segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

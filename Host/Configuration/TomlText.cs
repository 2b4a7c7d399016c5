using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace Neuromorph.Host.Configuration;

/// <summary>Reads TOML text into Tomlyn's generic model and writes the model back as TOML text.</summary>
internal static partial class TomlText
{
    /// <summary>
    /// Parses <paramref name="text"/> into a table tree. Values are <see cref="string"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="bool"/>, <see cref="TomlDateTime"/>, <see cref="TomlArray"/>,
    /// <see cref="TomlTable"/> or <see cref="TomlTableArray"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">The text is not valid TOML; the message reads
    /// <c>source:line:column: what is wrong</c>.</exception>
    public static TomlTable Parse(string text, string sourceName)
    {
        TomlTable? table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text, new TomlSerializerOptions { SourceName = sourceName });
        }
        catch (TomlException exception)
        {
            throw new ConfigurationException(
                $"{sourceName}:{exception.Line}:{exception.Column}: {Describe(exception)}", exception);
        }

        // The object reader lets a repeated key or table overwrite the first one; the syntax validator
        // rejects it as the TOML specification requires.
        var document = SyntaxParser.Parse(text, sourceName, validate: true);
        var firstError = document.Diagnostics.FirstOrDefault(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error);
        if (firstError is not null)
        {
            var start = firstError.Span.Start;
            throw new ConfigurationException(
                $"{sourceName}:{start.Line + 1}:{start.Column + 1}: {WithoutQuotedDefinition(firstError.Message.Trim())}");
        }
        return table ?? new TomlTable();
    }

    /// <summary>Writes <paramref name="table"/> as a TOML document.</summary>
    public static string Format(TomlTable table) => TomlSerializer.Serialize(table);

    /// <summary>Writes a single value as it would appear on the right of <c>key = </c> (an inline value).</summary>
    public static string FormatValue(object value)
    {
        var options = new TomlSerializerOptions { InlineTablePolicy = TomlInlineTablePolicy.Always };
        var line = TomlSerializer.Serialize(new TomlTable { [ValueKey] = value }, options).Trim();
        return line[$"{ValueKey} = ".Length..];
    }

    private const string ValueKey = "v";

    /// <summary>
    /// Tomlyn's repeated-key message quotes the first definition, a whole table with its comments and line breaks
    /// ("already defined at (1,1) with `[run]␤# the run name␤name = ...`"): keep where it is, drop the quote.
    /// </summary>
    private static string WithoutQuotedDefinition(string message)
    {
        var match = RepeatedKey().Match(message);
        return match.Success
            ? $"The key `{match.Groups["key"].Value}` is already defined at line {match.Groups["line"].Value} and cannot be redefined: merge the two into one."
            : message;
    }

    [GeneratedRegex(@"^The key `(?<key>[^`]+)` is already defined at \((?<line>\d+),\d+\) with `.*` and cannot be redefined$",
        RegexOptions.Singleline)]
    private static partial Regex RepeatedKey();

    private static string Describe(TomlException exception)
    {
        var first = exception.Diagnostics?.FirstOrDefault();
        var message = first?.Message ?? exception.Message;
        return message.Trim();
    }
}

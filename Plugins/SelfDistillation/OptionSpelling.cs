using System.Text.Json;

namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>An option value as it is written in TOML, for messages: enum members in kebab-case.</summary>
internal static class OptionSpelling
{
    public static string Of(Enum value) => $"'{JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString())}'";
}

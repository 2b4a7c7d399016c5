using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// A configuration as dotted keys (<c>optimizer.lr</c>, <c>distillation.temperature</c>) with their values as TOML
/// text, so two configurations compare key by key: what <c>--resume</c> checks and what hot reload of
/// <c>config.toml</c> applies.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Every key of the configuration (defaults included) with its value written as TOML.</summary>
    public static Dictionary<string, string> Flatten(RunConfiguration configuration) =>
        Flatten(TomlText.Parse(configuration.ToToml(), "config.toml"));

    /// <summary>Every key of <paramref name="table"/> with its value written as TOML.</summary>
    public static Dictionary<string, string> Flatten(TomlTable table)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(string prefix, TomlTable current)
        {
            foreach (var (key, value) in current)
            {
                var dotted = prefix.Length == 0 ? key : $"{prefix}.{key}";
                if (value is TomlTable inner) Walk(dotted, inner);
                else flat[dotted] = TomlText.FormatValue(value);
            }
        }
        Walk("", table);
        return flat;
    }

    /// <summary>The keys whose values differ (or that only one side has), in key order.</summary>
    public static IReadOnlyList<KeyChange> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .Order(StringComparer.Ordinal)
            .Select(key => new KeyChange(key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))
            .ToList();
}

/// <summary>One key whose value differs between two configurations; null where a side does not have it.</summary>
internal sealed record KeyChange(string Key, string? Before, string? After)
{
    public override string ToString() => $"{Key} = {Before ?? "(absent)"} -> {After ?? "(absent)"}";
}

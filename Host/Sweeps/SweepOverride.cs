using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Sweeps;

/// <summary>One configuration key a sweep sets, e.g. <c>distillation.scheme = "strong2weak"</c>.</summary>
/// <param name="Key">The dotted key, as <c>--set</c> takes it.</param>
/// <param name="Value">The value in Tomlyn's model (string, long, double, bool or array).</param>
internal sealed record SweepOverride(string Key, object Value)
{
    /// <summary>The value as TOML text, e.g. <c>"strong2weak"</c> or <c>0.001</c>.</summary>
    public string ValueText => TomlText.FormatValue(Value);

    /// <summary>The override as <c>train --set</c> takes it: <c>key=value</c> with the value as TOML.</summary>
    public string Assignment => $"{Key}={ValueText}";

    public override string ToString() => $"{Key} = {ValueText}";
}

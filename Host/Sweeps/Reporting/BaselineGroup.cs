using Neuromorph.Host.Configuration;
using Tomlyn.Model;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// The group the others are compared with: the one whose runs have the baseline's values, given by the sweep file's
/// <c>sweep.baseline</c> or, replacing it entirely, by <c>--baseline key=value</c> (as <c>--set</c> takes it). A value
/// is matched against each run's own overrides (the keys its name shows), as TOML values: <c>1</c> and <c>1.0</c> match.
/// </summary>
/// <param name="Group">The baseline group's name.</param>
/// <param name="Selection">The keys and values that chose it, e.g. <c>distillation.scheme = "none"</c>.</param>
internal sealed record BaselineGroup(string Group, string Selection)
{
    /// <summary>The baseline group, or null when neither the plan nor <paramref name="assignments"/> names one.</summary>
    /// <exception cref="ConfigurationException">An assignment is malformed (exit 2).</exception>
    /// <exception cref="SweepException">No group, or more than one, has the values (exit 2, listing the groups).</exception>
    public static BaselineGroup? Find(SweepPlan plan, IReadOnlyList<string> assignments)
    {
        var fromCommandLine = assignments.Count > 0;
        var wanted = fromCommandLine
            ? assignments.Select(FromCommandLine).ToArray()
            : plan.Baseline.Select(b => (b.Key, Value: Parse(b.Key, b.Value))).ToArray();
        if (wanted.Length == 0) return null;
        var selection = string.Join(", ", wanted.Select(w => $"{w.Key} = {TomlText.FormatValue(w.Value)}"));
        var origin = fromCommandLine ? "--baseline" : "the sweep's baseline";
        var groups = plan.Runs.OrderBy(r => r.Index).GroupBy(r => r.Group).ToArray();
        var names = string.Join(", ", groups.Select(g => g.Key));
        if (wanted.Any(w => w.Key == SweepExpansion.SeedKey))
            throw new SweepException(
                $"{origin} ({selection}) names {SweepExpansion.SeedKey}, which picks runs within a group, not a group: leave it out. The groups: {names}.",
                ExitCodes.UsageError);

        var matching = groups.Where(g => g.All(run => wanted.All(w => run.Overrides.TryGetValue(w.Key, out var text) && Same(Parse(w.Key, text), w.Value))))
            .Select(g => g.Key).ToArray();
        if (matching.Length == 1) return new BaselineGroup(matching[0], selection);

        var varying = plan.Runs.SelectMany(r => r.Overrides.Keys).Where(k => k != SweepExpansion.SeedKey).Distinct().ToArray();
        var fixedKeys = wanted.Select(w => w.Key).Where(k => !varying.Contains(k)).ToArray();
        var hint = fixedKeys.Length > 0
            ? $" ('{string.Join("', '", fixedKeys)}' does not vary between its runs; the keys that do: {(varying.Length == 0 ? "none" : string.Join(", ", varying))})"
            : "";
        throw new SweepException(
            matching.Length == 0
                ? $"no group of sweep '{plan.Name}' has {origin} {selection}{hint}. Its groups: {names}. Choose one with --baseline key=value (a value as --set takes it)."
                : $"{matching.Length} groups of sweep '{plan.Name}' have {origin} {selection}: {string.Join(", ", matching)}. "
                  + $"Pick one with a --baseline for each key that tells them apart (e.g. {Example(groups.First(g => g.Key == matching[0]).First())}).",
            ExitCodes.UsageError);
    }

    /// <summary>The <c>--baseline</c> arguments that pick <paramref name="run"/>'s group: its overrides but the seed.</summary>
    private static string Example(PlannedRun run) =>
        string.Join(" ", run.Overrides.Where(o => o.Key != SweepExpansion.SeedKey).Select(o => $"--baseline '{o.Key}={o.Value}'"));

    /// <summary>One <c>--baseline key=value</c>, read as <c>--set</c> reads its argument; its errors name <c>--baseline</c>.</summary>
    private static (string Key, object Value) FromCommandLine(string assignment)
    {
        try
        {
            var parsed = SetOverride.Parse(assignment);
            return (parsed.Key, parsed.Value);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException(e.Message.Replace("--set", "--baseline", StringComparison.Ordinal), e);
        }
    }

    private static object Parse(string key, string tomlText) => SetOverride.Parse($"{key}={tomlText}").Value;

    /// <summary>Equal as TOML values: numbers by value (an integer and a float alike), arrays item by item.</summary>
    private static bool Same(object a, object b) => (a, b) switch
    {
        (long x, long y) => x == y,
        (long or double, long or double) => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture),
        (TomlArray x, TomlArray y) => x.Count == y.Count && x.Zip(y).All(p => p.First is not null && p.Second is not null && Same(p.First, p.Second)),
        _ => Equals(a, b),
    };
}

using System.Globalization;
using Neuromorph.Abstractions;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Cli;

/// <summary>
/// Reads the values of <c>--epsilons</c>: each a list of comma-separated numbers or fractions ≥ 0
/// (<c>0,2/255,4/255,0.03</c>), for every norm, or for one norm when it starts with the norm's name and a colon
/// (<c>l2:0.5,1</c>). At most one list per norm and one without a norm.
/// </summary>
internal static class EpsilonList
{
    private static readonly PerturbationNorm[] Norms = Enum.GetValues<PerturbationNorm>();

    /// <summary>How the prefixes read in messages: <c>linf:, l2: or other:</c>.</summary>
    private static readonly string NormPrefixes =
        string.Join(", ", Norms[..^1].Select(norm => NormNames.Key(norm) + ":")) + " or " + NormNames.Key(Norms[^1]) + ":";

    /// <exception cref="ConfigurationException">
    /// A prefix names no norm, a value is not a number or fraction or is negative or not finite, or two lists are for
    /// the same norm.
    /// </exception>
    public static EpsilonSweep Parse(IReadOnlyList<string> texts)
    {
        (string Text, IReadOnlyList<double> Values)? everyNorm = null;
        var perNorm = new Dictionary<PerturbationNorm, (string Text, IReadOnlyList<double> Values)>();
        foreach (var text in texts)
        {
            var (norm, list) = SplitNorm(text);
            var values = ParseValues(text, list);
            if (norm is { } one)
            {
                if (perNorm.TryGetValue(one, out var earlier))
                    throw new ConfigurationException(
                        $"--epsilons: two lists for {NormNames.Key(one)} ('{earlier.Text}' and '{text}'); give each norm one list.");
                perNorm[one] = (text, values);
            }
            else
            {
                if (everyNorm is { } earlier)
                    throw new ConfigurationException(
                        $"--epsilons: two lists for every norm ('{earlier.Text}' and '{text}'); give one list without a prefix, " +
                        $"and one per norm starting with {NormPrefixes}.");
                everyNorm = (text, values);
            }
        }
        return new EpsilonSweep(everyNorm?.Values, perNorm.ToDictionary(pair => pair.Key, pair => pair.Value.Values));
    }

    /// <summary>The norm a list starts with (<c>l2:</c>, any case), or null, and the rest of the text.</summary>
    private static (PerturbationNorm? Norm, string List) SplitNorm(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return (null, text);
        var name = text[..colon].Trim();
        foreach (var norm in Norms)
            if (string.Equals(NormNames.Key(norm), name, StringComparison.OrdinalIgnoreCase))
                return (norm, text[(colon + 1)..]);
        throw new ConfigurationException(
            $"--epsilons '{text}': '{name}' is not a norm: start a list with {NormPrefixes} for the attacks of one norm, " +
            "or give it without a prefix for every norm (e.g. --epsilons 0,8/255 --epsilons l2:0.5,1).");
    }

    private static List<double> ParseValues(string text, string list)
    {
        var values = new List<double>();
        foreach (var item in list.Split(',', StringSplitOptions.TrimEntries))
        {
            var value = ParseOne(item) ?? throw new ConfigurationException(
                $"--epsilons '{text}': '{item}' is not a number or a fraction (write e.g. --epsilons 0,2/255,4/255,8/255).");
            if (!double.IsFinite(value) || value < 0)
                throw new ConfigurationException(
                    $"--epsilons '{text}': ε = {item} is out of range: a budget must be a finite number >= 0.");
            if (!values.Contains(value)) values.Add(value);
        }
        return values;
    }

    private static double? ParseOne(string item)
    {
        var parts = item.Split('/');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0)) return null;
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)) return null;
        if (parts.Length == 1) return numerator;
        if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator) || denominator <= 0) return null;
        return numerator / denominator;
    }
}

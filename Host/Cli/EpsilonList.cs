using System.Globalization;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Cli;

/// <summary>Reads <c>--epsilons 0,2/255,4/255,0.03</c>: comma-separated numbers or fractions, each ≥ 0.</summary>
internal static class EpsilonList
{
    /// <exception cref="ConfigurationException">A value is not a number or fraction, or is negative or not finite.</exception>
    public static IReadOnlyList<double> Parse(string text)
    {
        var values = new List<double>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
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

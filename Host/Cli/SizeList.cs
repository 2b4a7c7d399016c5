using System.Globalization;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Cli;

/// <summary>Reads <c>--sizes 512,2048</c>: comma-separated whole numbers, each ≥ 1.</summary>
internal static class SizeList
{
    /// <summary>The sizes in the order given, duplicates dropped.</summary>
    /// <exception cref="ConfigurationException">The list is empty, or an item is not a whole number ≥ 1.</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        var sizes = new List<int>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
                throw new ConfigurationException(
                    $"--sizes '{text}': '{item}' is not a layer width; give whole numbers >= 1, e.g. --sizes 512,2048.");
            if (!sizes.Contains(size)) sizes.Add(size);
        }
        return sizes;
    }
}

namespace Neuromorph.Host.Benchmarks;

/// <summary>The median of repeated timings: robust to the odd slow repeat on a busy machine.</summary>
internal static class Median
{
    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static double Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("The median of no values is undefined.", nameof(values));
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

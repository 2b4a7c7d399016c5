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

    /// <summary>
    /// The median in milliseconds of <paramref name="repeats"/> timed runs of <paramref name="pass"/>, after one
    /// untimed run; each run in its own dispose scope.
    /// </summary>
    public static double OfRuns(int repeats, Action pass)
    {
        var times = new List<double>(repeats);
        for (var i = -1; i < repeats; i++)
        {
            using var scope = TorchSharp.torch.NewDisposeScope();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            pass();
            if (i >= 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Of(times);
    }
}

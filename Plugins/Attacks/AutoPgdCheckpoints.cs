namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// The iterations at which Auto-PGD decides whether to halve its step (Croce &amp; Hein 2020, §3.2):
/// w_j = ⌈p_j·N⌉ with p_0 = 0, p_1 = 0.22 and p_{j+1} = p_j + max(p_j − p_{j−1} − 0.03, 0.06), so the checks
/// start sparse and grow denser.
/// </summary>
internal static class AutoPgdCheckpoints
{
    /// <summary>The checkpoints strictly between 0 and <paramref name="steps"/> (N), in increasing order.</summary>
    public static IReadOnlyList<int> For(int steps)
    {
        var checkpoints = new List<int>();
        var (previous, current) = (0.0, 0.22);
        while (current < 1.0)
        {
            // The small margin keeps products like 0.22 · 100 = 22.000000000000004 from rounding up to 23.
            var iteration = (int)Math.Ceiling(current * steps - 1e-9);
            if (iteration > 0 && iteration < steps && (checkpoints.Count == 0 || checkpoints[^1] < iteration))
                checkpoints.Add(iteration);
            (previous, current) = (current, current + Math.Max(current - previous - 0.03, 0.06));
        }
        return checkpoints;
    }
}

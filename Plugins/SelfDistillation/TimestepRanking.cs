namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>
/// The timesteps ordered by confidence, computed on the CPU from the T confidences with explicit loops so
/// that ties always go to the lowest index (torch's argmax makes no such promise).
/// </summary>
/// <param name="Confidences">con(t) for t = 0..T−1.</param>
/// <param name="Strong">t_s: the most confident timestep, the lowest index among equals.</param>
/// <param name="Weak">t_w: the least confident timestep, the lowest index among equals.</param>
/// <param name="Descending">All timesteps by confidence, highest first; equal confidences in index order.</param>
internal sealed record TimestepRanking(double[] Confidences, int Strong, int Weak, int[] Descending)
{
    /// <summary>Whether no timestep is more confident than another (then t_s = t_w and nothing is distilled).</summary>
    public bool IsDegenerate => Strong == Weak;

    public static TimestepRanking From(double[] confidences)
    {
        if (confidences.Length == 0)
            throw new ArgumentException("A ranking needs at least one timestep's confidence.", nameof(confidences));
        var strong = 0;
        var weak = 0;
        for (var t = 1; t < confidences.Length; t++)
        {
            if (confidences[t] > confidences[strong]) strong = t;
            if (confidences[t] < confidences[weak]) weak = t;
        }
        return new TimestepRanking(confidences, strong, weak, SortDescending(confidences));
    }

    // Insertion sort: stable (equal confidences keep index order) and T is a handful of timesteps.
    private static int[] SortDescending(double[] confidences)
    {
        var order = new int[confidences.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var position = i;
            while (position > 0 && confidences[order[position - 1]] < confidences[i])
            {
                order[position] = order[position - 1];
                position--;
            }
            order[position] = i;
        }
        return order;
    }

    /// <summary>A length-T vector with 1 at <paramref name="timestep"/> and 0 elsewhere.</summary>
    public double[] OneHot(int timestep)
    {
        var values = new double[Confidences.Length];
        values[timestep] = 1;
        return values;
    }
}

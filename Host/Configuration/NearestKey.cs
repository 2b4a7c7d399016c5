namespace Neuromorph.Host.Configuration;

/// <summary>
/// Finds the valid key a mistyped one most likely meant, by Levenshtein distance between the key names,
/// also counting a multi-word key's initials (<c>learning_rate</c> ~ <c>lr</c>, <c>wd</c> ~ <c>weight_decay</c>).
/// </summary>
internal static class NearestKey
{
    /// <summary>
    /// The candidate closest to <paramref name="key"/>, or null when none is close enough. Candidates are
    /// compared by their last dotted segment; on a tie the earlier candidate wins, so callers list the
    /// candidates of the key's own table first.
    /// </summary>
    public static string? Find(string key, IEnumerable<string> candidates)
    {
        var name = LastSegment(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name, LastSegment(candidate));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Tolerance(name) ? best : null;
    }

    /// <summary>The edit distance, or the distance to the other key's initials when that is smaller.</summary>
    public static int Distance(string typed, string valid)
    {
        var distance = Levenshtein(typed, valid);
        if (IsMultiWord(typed))
            distance = Math.Min(distance, Levenshtein(Initials(typed), valid));
        if (IsMultiWord(valid))
            distance = Math.Min(distance, Levenshtein(typed, Initials(valid)));
        return distance;
    }

    /// <summary>
    /// The number of single-character insertions, deletions, substitutions or swaps of two adjacent
    /// characters from a to b (optimal string alignment distance), so that <c>lfi</c> is one edit from <c>lif</c>.
    /// </summary>
    public static int Levenshtein(string a, string b)
    {
        var rows = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) rows[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) rows[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(rows[i - 1, j - 1] + cost, Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, rows[i - 2, j - 2] + 1);
                rows[i, j] = best;
            }
        }
        return rows[a.Length, b.Length];
    }

    // Allows about one edit per three characters, and always one.
    private static int Tolerance(string name) => Math.Max(1, name.Length / 3);

    private static string LastSegment(string key) => key[(key.LastIndexOf('.') + 1)..];

    private static bool IsMultiWord(string name) => name.Contains('_') || name.Contains('-');

    private static string Initials(string name) =>
        string.Concat(name.Split('_', '-', StringSplitOptions.RemoveEmptyEntries).Select(word => word[0]));
}

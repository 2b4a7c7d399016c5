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

    /// <summary>The number of single-character insertions, deletions or substitutions from a to b.</summary>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    // Allows about one edit per three characters, and always one.
    private static int Tolerance(string name) => Math.Max(1, name.Length / 3);

    private static string LastSegment(string key) => key[(key.LastIndexOf('.') + 1)..];

    private static bool IsMultiWord(string name) => name.Contains('_') || name.Contains('-');

    private static string Initials(string name) =>
        string.Concat(name.Split('_', '-', StringSplitOptions.RemoveEmptyEntries).Select(word => word[0]));
}

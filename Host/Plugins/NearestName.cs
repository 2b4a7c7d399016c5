namespace Neuromorph.Host.Plugins;

/// <summary>Finds the known name closest to a mistyped one (Levenshtein distance, ignoring case).</summary>
internal static class NearestName
{
    /// <summary>
    /// The name in <paramref name="candidates"/> nearest to <paramref name="requested"/>, or null when
    /// none is close enough to be a plausible typo (at most 2 edits, or a third of the name's length).
    /// </summary>
    public static string? Find(string requested, IEnumerable<string> candidates)
    {
        var threshold = Math.Max(2, requested.Length / 3);
        return candidates
            .Select(candidate => (Name: candidate, Distance: Distance(requested.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(scored => scored.Distance <= threshold)
            .OrderBy(scored => scored.Distance)
            .ThenBy(scored => scored.Name, StringComparer.Ordinal)
            .Select(scored => scored.Name)
            .FirstOrDefault();
    }

    /// <summary>The number of single-character insertions, deletions or substitutions from a to b.</summary>
    public static int Distance(string a, string b) => Configuration.NearestKey.Levenshtein(a, b);
}

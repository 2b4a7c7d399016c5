namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>The reasons behind the "—" cells of a markdown document, numbered as first met, each written once at its end.</summary>
internal sealed class Footnotes
{
    private readonly List<string> reasons = [];

    /// <summary>"—" with the footnote mark of <paramref name="reason"/>, e.g. <c>—[^2]</c>.</summary>
    public string Dash(string reason) => "—" + Mark(reason);

    /// <summary>The footnote mark of <paramref name="reason"/>, e.g. <c>[^2]</c>.</summary>
    public string Mark(string reason)
    {
        var index = reasons.IndexOf(reason);
        if (index < 0)
        {
            reasons.Add(reason);
            index = reasons.Count - 1;
        }
        return $"[^{index + 1}]";
    }

    /// <summary>The footnotes, one line each (<c>[^1]: reason.</c>), or nothing.</summary>
    public IEnumerable<string> Lines() => reasons.Select((r, i) => $"[^{i + 1}]: {char.ToUpperInvariant(r[0])}{r[1..]}.");
}

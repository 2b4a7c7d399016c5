namespace Neuromorph.Host.Plotting;

/// <summary>What a round of plotting did: the files it wrote, and each figure it left out with the reason.</summary>
internal sealed class DrawnFigures
{
    private readonly List<string> written = [];
    private readonly List<(string Figure, string Reason)> skipped = [];

    /// <summary>The PNG files written, full paths, in the order drawn.</summary>
    public IReadOnlyList<string> Written => written;

    /// <summary>The figures not drawn: a short name (<c>early exit</c>) and why (<c>no evaluation.json: run 'eval' first</c>).</summary>
    public IReadOnlyList<(string Figure, string Reason)> Skipped => skipped;

    public void Wrote(string path) => written.Add(path);

    public void Skip(string figure, string reason) => skipped.Add((figure, reason));
}

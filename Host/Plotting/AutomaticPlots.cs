namespace Neuromorph.Host.Plotting;

/// <summary>
/// The figures <c>train</c>, <c>eval</c> and <c>attack</c> draw into the run's <c>plots/</c> when they have written their
/// files. Plotting never fails the command: whatever goes wrong becomes a note, and the command's exit code stands.
/// </summary>
internal static class AutomaticPlots
{
    /// <summary>Draws the run's figures and prints one line saying where they are and which were not drawn.</summary>
    /// <param name="runPath">The run directory.</param>
    /// <param name="robustnessFiles">A robustness report the command wrote under another name than robustness*.json.</param>
    /// <param name="output">Where the line goes.</param>
    public static void Draw(string runPath, IReadOnlyList<string> robustnessFiles, TextWriter output)
    {
        try
        {
            var run = PlottedRun.Open(runPath);
            var drawn = RunPlots.Draw(run, robustnessFiles, tolerant: true);
            var skipped = drawn.Skipped.Count == 0
                ? ""
                : $"; not drawn: {string.Join(", ", drawn.Skipped.Select(s => s.Figure))} ('plot {runPath}' says why)";
            output.WriteLine($"plots: {drawn.Written.Count} figure{(drawn.Written.Count == 1 ? "" : "s")} in {run.PlotsPath}{skipped}");
        }
        catch (Exception exception)
        {
            output.WriteLine($"note: no plots were drawn: {ErrorReport.Classify(exception).Message}");
        }
    }
}

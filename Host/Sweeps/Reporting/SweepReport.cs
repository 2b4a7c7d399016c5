using Neuromorph.Data;
using Neuromorph.Host.Plotting;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// <c>sweep report &lt;sweep-dir&gt; [--baseline key=value]...</c>: reads every completed run's files, writes
/// <c>results.md</c> and <c>results.csv</c> into the sweep directory (each by rename), draws the figures into
/// <c>plots/</c> and writes <c>report.md</c> (the overview with the figures embedded), and prints the overview. A sweep
/// still running or with failed runs is reported from its completed runs, naming the others; a sweep with no completed
/// run has nothing to report (exit 3), and the files of an earlier report are left as they are.
/// </summary>
internal static class SweepReport
{
    public const string MarkdownFile = "results.md";
    public const string CsvFile = "results.csv";

    public static int Write(string sweepPath, IReadOnlyList<string> baseline, TextWriter output, TextWriter error)
    {
        try
        {
            var directory = new SweepDirectory(sweepPath);
            var plan = directory.RequirePlan();
            var results = Read(directory, plan, BaselineGroup.Find(plan, baseline));
            var markdownPath = Path.Combine(directory.Path, MarkdownFile);
            var csvPath = Path.Combine(directory.Path, CsvFile);
            AtomicFile.WriteAllText(markdownPath, ResultsMarkdown.Document(results));
            AtomicFile.WriteAllText(csvPath, ResultsCsv.Write(results));
            var drawn = Draw(directory, results);
            var reportPath = Path.Combine(directory.Path, ReportMarkdown.File);
            AtomicFile.WriteAllText(reportPath, ReportMarkdown.Document(results, drawn, directory.Path));
            output.Write(ResultsMarkdown.Overview(results));
            output.WriteLine();
            output.WriteLine($"report: {markdownPath} (every metric), {csvPath}, {reportPath} (the summary with {drawn.Written.Count} figures)");
            foreach (var (figure, reason) in drawn.Skipped) output.WriteLine($"note: {figure}: not drawn: {reason}");
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            return ErrorReport.Write(exception, error);
        }
    }

    /// <summary>The figures into <c>plots/</c>; a failure to draw them leaves the report without them, with a note.</summary>
    private static DrawnFigures Draw(SweepDirectory directory, SweepResults results)
    {
        var drawn = new DrawnFigures();
        try
        {
            SweepFigures.Draw(directory, results, drawn);
        }
        catch (Exception exception)
        {
            drawn.Skip("figures", ErrorReport.Classify(exception).Message);
        }
        return drawn;
    }

    /// <summary>The sweep's results from its runs' files.</summary>
    /// <exception cref="SweepException">No run has completed, or a file does not read (exit 3, naming it).</exception>
    /// <exception cref="Engine.Training.RunDirectoryException">A run's summary.json does not read (exit 3, naming it).</exception>
    public static SweepResults Read(SweepDirectory directory, SweepPlan plan, BaselineGroup? baseline)
    {
        // Every summary is read, not only the completed runs': a corrupt one is reported rather than taken for a run
        // that has not finished.
        var summaries = plan.Runs.ToDictionary(r => r.Name, r => directory.Run(r.Name).ReadSummary());
        var states = SweepRunState.All(directory, plan);
        var completed = states.Where(s => s.State == RunState.Completed).ToArray();
        if (completed.Length == 0)
            throw new SweepException(
                $"no run of sweep '{plan.Name}' has completed yet ({SweepPlanTable.Summary(states)}): there is nothing to report. "
                + $"'sweep status {directory.Path}' shows where each run stands.",
                ExitCodes.DataError);
        var files = ReportFiles.Of(plan);
        var metrics = completed
            .Select(s => SweepMetrics.Read(directory.Run(s.Run.Name), s.Run, summaries[s.Run.Name]!, files))
            .ToArray();
        return SweepResults.Of(plan, baseline, states, metrics);
    }
}

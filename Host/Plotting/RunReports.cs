using System.Text.Json;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// The evaluation and robustness reports in a run directory: <c>evaluation.json</c> and <c>evaluation-t{k}.json</c>
/// (<c>eval</c>), <c>robustness*.json</c> and any other report <c>attack --report</c> wrote that the caller names.
/// </summary>
internal static class RunReports
{
    /// <summary>A report and the name of its file in the run directory.</summary>
    public sealed record Named<T>(string File, T Report);

    /// <summary><c>evaluation.json</c> first, then <c>evaluation-t{k}.json</c> by k.</summary>
    /// <exception cref="RunDirectoryException">A file that does not read as an evaluation (exit 3, naming it).</exception>
    public static IReadOnlyList<Named<EvaluationReport>> Evaluations(RunDirectory directory)
    {
        var files = Directory.EnumerateFiles(directory.Path, "evaluation*.json")
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => name == EvaluationReport.FileName(null) || (name.StartsWith("evaluation-t", StringComparison.Ordinal) && int.TryParse(name[12..^5], out _)))
            .OrderBy(name => name == EvaluationReport.FileName(null) ? 0 : int.Parse(name[12..^5], System.Globalization.CultureInfo.InvariantCulture));
        return files.Select(name => new Named<EvaluationReport>(name, Read(directory, name, EvaluationReport.Read, MissingField, "an evaluation report", "eval"))).ToArray();
    }

    /// <summary>Every <c>robustness*.json</c> of the run, then each of <paramref name="named"/> (relative to the run directory) not among them.</summary>
    /// <exception cref="RunDirectoryException">A named file is missing, or a file does not read as a robustness report (exit 3, naming it).</exception>
    public static IReadOnlyList<Named<RobustnessReport>> Robustness(RunDirectory directory, IReadOnlyList<string> named)
    {
        var found = Directory.EnumerateFiles(directory.Path, "robustness*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var file in named)
        {
            var path = Path.GetFullPath(file, directory.Path);
            if (!File.Exists(path))
                throw new RunDirectoryException($"Robustness report '{path}' does not exist: give a file 'attack' wrote (its --report name, relative to the run directory).");
            var relative = Path.GetRelativePath(directory.Path, path);
            if (!found.Contains(relative)) found.Add(relative);
        }
        return found.Select(name => new Named<RobustnessReport>(name, Read(directory, name, RobustnessReport.Read, MissingField, "a robustness report", "attack"))).ToArray();
    }

    private static T Read<T>(RunDirectory directory, string file, Func<string, T> read, Func<T, string?> missingField, string what, string command)
    {
        var path = Path.GetFullPath(file, directory.Path);
        T report;
        try
        {
            report = read(path);
        }
        catch (JsonException e)
        {
            throw new RunDirectoryException($"'{path}' is not {what} ({e.Message}). The file is corrupt: run '{command}' on the run again to rewrite it, or delete it.", e);
        }
        return missingField(report) is { } field
            ? throw new RunDirectoryException($"'{path}' has no '{field}': it is not {what}, or it is corrupt. Run '{command}' on the run again to rewrite it, or delete it.")
            : report;
    }

    // JSON leaves a missing array null whatever the record declares.
    private static string? MissingField(EvaluationReport report) =>
        report.TestAccuracyAtTimesteps is null ? "test_accuracy_at_timesteps" : report.EarlyExit is null ? "early_exit" : null;

    private static string? MissingField(RobustnessReport report) =>
        report.Attacks is null ? "attacks" : report.WorstCase is null ? "worst_case" : null;
}

using Neuromorph.Data;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// A sweep ready to execute: its file read, its runs expanded and validated, its directory checked (a new one, or one
/// holding this same sweep) and its plan made. Nothing is written until <see cref="Write"/>.
/// </summary>
internal sealed record SweepPreparation(SweepFile File, SweepDirectory Directory, SweepPlan Plan)
{
    /// <exception cref="Configuration.ConfigurationException">The sweep file is malformed (exit 2).</exception>
    /// <exception cref="SweepException">A run is invalid, or the directory holds something else (exit 2).</exception>
    public static SweepPreparation Prepare(string sweepFile, string? sweepDirectory)
    {
        var file = SweepFile.Load(sweepFile);
        var runs = SweepExpansion.Expand(file);
        var directory = new SweepDirectory(sweepDirectory ?? SweepDirectory.DefaultFor(file.Name));
        var previous = CheckDirectory(directory, file);
        SweepValidation.Check(file, runs, directory);
        return new SweepPreparation(file, directory, SweepPlan.Make(file, runs, previous));
    }

    /// <summary>Writes the copy of the sweep file and the plan (each by rename) and makes the run and log folders.</summary>
    public void Write()
    {
        System.IO.Directory.CreateDirectory(Directory.RunsPath);
        System.IO.Directory.CreateDirectory(Directory.LogsPath);
        AtomicFile.WriteAllText(Directory.SweepFilePath, System.IO.File.ReadAllText(File.Path));
        Plan.Write(Directory.PlanPath);
    }

    private static SweepPlan? CheckDirectory(SweepDirectory directory, SweepFile file)
    {
        if (System.IO.File.Exists(directory.Path))
            throw new SweepException($"--sweep-dir '{directory.Path}' is a file, not a folder: choose a directory.", ExitCodes.UsageError);
        if (!System.IO.Directory.Exists(directory.Path)) return null;
        var previous = directory.ReadPlan();
        if (previous is null)
            return System.IO.Directory.EnumerateFileSystemEntries(directory.Path).Any()
                ? throw new SweepException(
                    $"'{directory.Path}' is not empty and holds no sweep (no plan.json): choose an empty or new directory with --sweep-dir.",
                    ExitCodes.UsageError)
                : null;
        if (previous.Name != file.Name)
            throw new SweepException(
                $"'{directory.Path}' holds another sweep, '{previous.Name}' (from {previous.SweepFile}): give this sweep "
                + $"('{file.Name}') its own directory with --sweep-dir.", ExitCodes.UsageError);
        return previous;
    }
}

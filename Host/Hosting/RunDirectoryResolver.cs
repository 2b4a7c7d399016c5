using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// Picks the run directory of a <c>train</c> and takes its lock (<see cref="RunDirectoryLock"/>) before anything is
/// built: <c>--run-dir</c>, or <c>runs/&lt;run.name&gt;</c> with a numeric suffix when that already holds a run or is
/// in use, so two runs started at once never share a directory. <c>--resume</c> continues the run in the directory: from
/// its last checkpoint, or from the beginning when it stopped before writing one.
/// </summary>
internal static class RunDirectoryResolver
{
    /// <exception cref="ConfigurationException">The directory is in use, cannot be written, holds a run (without
    /// <c>--resume</c>) or holds none (with it).</exception>
    /// <exception cref="RunDirectoryException">A run file that <c>--resume</c> needs is corrupt.</exception>
    public static RunDirectoryClaim Claim(RunConfiguration configuration, TrainRequest request)
    {
        var requested = request.RunDirectory ?? Path.Combine("runs", configuration.Run.Name);
        if (request.Resume) return ClaimForResume(requested);
        if (request.RunDirectory is not null)
        {
            var claimed = RunDirectoryLock.Acquire(requested);
            return HoldsRun(requested) ? Refuse(claimed) : new RunDirectoryClaim(claimed, RunStart.New);
        }
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? requested : $"{requested}-{suffix}";
            if (HoldsRun(candidate)) continue;
            var claimed = RunDirectoryLock.TryAcquire(candidate, out _);
            if (claimed is null) continue;
            // Another run may have claimed it and ended between the two checks.
            if (!HoldsRun(candidate)) return new RunDirectoryClaim(claimed, RunStart.New);
            claimed.Dispose();
        }
    }

    private static RunDirectoryClaim Refuse(RunDirectoryLock claimed)
    {
        claimed.Dispose();
        throw new ConfigurationException(
            $"--run-dir '{claimed.Directory}' already holds a run. Pass --resume to continue it (a run stopped before its " +
            "first checkpoint starts again from the beginning), or choose another directory.");
    }

    private static RunDirectoryClaim ClaimForResume(string requested)
    {
        var directory = new RunDirectory(requested);
        if (!File.Exists(directory.ConfigPath))
        {
            var what = Directory.Exists(directory.Path) ? "holds no run (no config.toml)" : "does not exist";
            throw new ConfigurationException(
                $"--resume: '{directory.Path}' {what}, so there is nothing to continue. Start the run without --resume" +
                (Directory.Exists(directory.Path) ? "." : ", or pass the run's directory with --run-dir."));
        }
        var claimed = RunDirectoryLock.Acquire(requested);
        try
        {
            directory.RemoveTemporaryFiles();
            // Read now, so a corrupt file is reported before anything is built.
            var summary = directory.ReadSummary();
            directory.ReadMetrics();
            if (summary is { Completed: true })
            {
                // Nothing is loaded from it, but a damaged checkpoint of a finished run is worth hearing about.
                CheckpointFile.Verify(directory.LastCheckpointPath);
                return new RunDirectoryClaim(claimed, RunStart.AlreadyFinished);
            }
            return new RunDirectoryClaim(claimed, directory.HasCheckpoint ? RunStart.FromCheckpoint : RunStart.FromBeginning);
        }
        catch
        {
            claimed.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="path"/> holds anything but a lock (a run directory of a run that was started).</summary>
    private static bool HoldsRun(string path) => !RunDirectoryLock.HoldsNoRun(path);
}

using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// Picks the run directory: <c>--run-dir</c>, or <c>runs/&lt;run.name&gt;</c> (with a numeric suffix when that
/// already holds a run, so a new run never overwrites an old one). <c>--resume</c> needs an existing run
/// with a checkpoint and the same configuration.
/// </summary>
internal static class RunDirectoryResolver
{
    public static RunDirectory Resolve(RunConfiguration configuration, TrainRequest request)
    {
        var requested = request.RunDirectory ?? Path.Combine("runs", configuration.Run.Name);
        if (request.Resume)
        {
            var existing = new RunDirectory(requested);
            if (!existing.HasCheckpoint)
                throw new ConfigurationException(
                    $"--resume: '{existing.Path}' holds no checkpoint (checkpoints/last.ckpt) to continue from. Pass the run's directory with --run-dir.");
            return existing;
        }
        if (request.RunDirectory is not null)
        {
            if (HoldsRun(requested))
                throw new ConfigurationException(
                    $"--run-dir '{Path.GetFullPath(requested)}' already holds a run. Pass --resume to continue it, or choose another directory.");
            return new RunDirectory(requested);
        }
        var candidate = requested;
        for (var suffix = 2; HoldsRun(candidate); suffix++) candidate = $"{requested}-{suffix}";
        return new RunDirectory(candidate);
    }

    public static void CheckResumable(RunDirectory runDirectory, string effectiveToml)
    {
        if (!File.Exists(runDirectory.ConfigPath)) return;
        var stored = File.ReadAllLines(runDirectory.ConfigPath);
        var current = effectiveToml.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var differences = current.Except(stored).Concat(stored.Except(current)).Where(line => line.Length > 0).ToList();
        if (differences.Count > 0)
            throw new ConfigurationException(
                $"--resume: the configuration differs from the one '{runDirectory.Path}' was started with ({runDirectory.ConfigPath}): " +
                $"{string.Join("; ", differences.Take(6))}. Resume with the same configuration (e.g. pass {runDirectory.ConfigPath}).");
    }

    private static bool HoldsRun(string path) => Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();
}

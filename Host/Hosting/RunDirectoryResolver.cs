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

    /// <summary>
    /// Refuses a resume whose effective configuration differs from the one the run recorded. The recorded file is
    /// read through the current loader first, so keys added by a later Neuromorph version compare at their
    /// defaults instead of counting as differences.
    /// </summary>
    public static void CheckResumable(RunDirectory runDirectory, string effectiveToml)
    {
        if (!File.Exists(runDirectory.ConfigPath)) return;
        var stored = Normalized(runDirectory.ConfigPath);
        var current = effectiveToml.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var differences = current.Except(stored).Concat(stored.Except(current)).Where(line => line.Length > 0).ToList();
        if (differences.Count > 0)
            throw new ConfigurationException(
                $"--resume: the configuration differs from the one '{runDirectory.Path}' was started with ({runDirectory.ConfigPath}): " +
                $"{string.Join("; ", differences.Take(6))}. Resume with the same configuration (e.g. pass {runDirectory.ConfigPath}).");
    }

    /// <summary>The recorded configuration re-rendered with every default filled in; as written when it no longer reads.</summary>
    private static string[] Normalized(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            text = ConfigurationLoader.Parse(text, path, [], Path.GetDirectoryName(path)).ToToml();
        }
        catch (ConfigurationException)
        {
            // Compared as written: the differences will show what changed.
        }
        return text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
    }

    private static bool HoldsRun(string path) => Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();
}

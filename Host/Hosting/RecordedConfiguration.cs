using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// The configuration a run recorded in its <c>config.toml</c>, which <c>--resume</c> must match key by key: weights,
/// optimizer state and progress mean nothing under another configuration.
/// </summary>
internal static class RecordedConfiguration
{
    /// <summary>
    /// Refuses a resume whose effective configuration differs from the recorded one. Both are read through the
    /// current loader first, so keys added by a later Neuromorph version compare at their defaults.
    /// </summary>
    /// <exception cref="ConfigurationException">A key differs (each is named with both values).</exception>
    /// <exception cref="RunDirectoryException">The recorded file is missing or does not read.</exception>
    public static void CheckSame(RunDirectory runDirectory, string effectiveToml)
    {
        var differences = Differences(runDirectory, effectiveToml);
        if (differences.Count > 0)
            throw new ConfigurationException(
                $"--resume: the configuration differs from the one '{runDirectory.Path}' was started with ({runDirectory.ConfigPath}), " +
                $"recorded -> given: {Describe(differences)}. Resume with the same configuration (e.g. pass {runDirectory.ConfigPath}).");
    }

    /// <summary>The keys whose values differ between the recorded configuration and <paramref name="effectiveToml"/>.</summary>
    /// <exception cref="RunDirectoryException">The recorded file is missing or does not read.</exception>
    public static IReadOnlyList<KeyChange> Differences(RunDirectory runDirectory, string effectiveToml)
    {
        var path = runDirectory.ConfigPath;
        if (!File.Exists(path))
            throw new RunDirectoryException(
                $"'{path}' is missing: --resume compares the configuration with the one the run started with, and the run " +
                "no longer records it. Restore the file, or start the run again in a new directory.");
        RunConfiguration recorded;
        try
        {
            recorded = ConfigurationLoader.Parse(File.ReadAllText(path), path, [], runDirectory.Path);
        }
        catch (ConfigurationException e)
        {
            throw new RunDirectoryException($"The run's recorded configuration does not read: {e.Message}", e);
        }
        var current = ConfigurationLoader.Parse(effectiveToml, "the configuration given", [], runDirectory.Path);
        return ConfigurationKeys.Differences(ConfigurationKeys.Flatten(recorded), ConfigurationKeys.Flatten(current));
    }

    /// <summary>The first eight differences, <c>key = old -> new</c>, and how many more there are.</summary>
    public static string Describe(IReadOnlyList<KeyChange> differences) =>
        string.Join("; ", differences.Take(8)) + (differences.Count > 8 ? $"; and {differences.Count - 8} more" : "");
}

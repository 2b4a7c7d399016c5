using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// A run directory opened for plotting: its epochs' metrics (required), its summary and configuration (optional), and
/// where its figures go (<c>plots/</c>).
/// </summary>
internal sealed class PlottedRun
{
    public const string PlotsFolder = "plots";

    private PlottedRun(RunDirectory directory, IReadOnlyList<EpochMetrics> metrics, RunSummary? summary, RunSettings settings)
    {
        Directory = directory;
        Metrics = metrics;
        Summary = summary;
        Settings = settings;
        Identity = RunIdentity.Of(Path.GetFileName(directory.Path), summary, settings);
    }

    public RunDirectory Directory { get; }

    /// <summary>One entry per finished epoch, in order; never empty.</summary>
    public IReadOnlyList<EpochMetrics> Metrics { get; }

    public RunSummary? Summary { get; }

    public RunSettings Settings { get; }

    public RunIdentity Identity { get; }

    public string PlotsPath => Path.Combine(Directory.Path, PlotsFolder);

    /// <summary>The path of the figure <paramref name="file"/> in <c>plots/</c>.</summary>
    public string Figure(string file) => Path.Combine(PlotsPath, file);

    /// <summary>Reads the run at <paramref name="path"/>.</summary>
    /// <exception cref="RunDirectoryException">
    /// No such directory, no <c>metrics.jsonl</c> or no epoch in it, or a file that does not read (exit 3, naming it).
    /// </exception>
    public static PlottedRun Open(string path)
    {
        var directory = new RunDirectory(path);
        if (!System.IO.Directory.Exists(directory.Path))
            throw new RunDirectoryException($"Run directory '{directory.Path}' does not exist.");
        if (!File.Exists(directory.MetricsPath))
            throw new RunDirectoryException(
                $"'{directory.Path}' has no metrics.jsonl, so there is nothing to plot: give a directory 'train' wrote, once its first epoch has ended.");
        var metrics = directory.ReadMetrics();
        if (metrics.Count == 0)
            throw new RunDirectoryException($"'{directory.MetricsPath}' holds no epoch yet: there is nothing to plot until the run's first epoch has ended.");
        return new PlottedRun(directory, metrics, directory.ReadSummary(), RunSettings.Read(directory.ConfigPath));
    }
}

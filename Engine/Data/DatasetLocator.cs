using System.Text;

namespace Neuromorph.Engine.Data;

/// <summary>
/// Finds a dataset by name and loads it. File-based datasets (<c>fashion-mnist</c>, <c>mnist</c>) are
/// searched in the configured path alone when one is given, otherwise in <c>$NEUROMORPH_DATA</c> and <c>$NEUROMORPH_DATA/name</c>,
/// and in the Debian package's folder <c>/usr/share/datasets/name</c> (where a package exists). Each of the
/// four standard files may be plain or end in <c>.gz</c>. <c>embedded-fashion-mnist</c> needs no files.
/// </summary>
/// <param name="environmentDataPath">The value of <c>NEUROMORPH_DATA</c> (null or empty when unset).</param>
/// <param name="systemDatasetsRoot">The folder Debian's dataset packages install into.</param>
internal sealed class DatasetLocator(string? environmentDataPath, string systemDatasetsRoot)
{
    public const string EnvironmentVariable = "NEUROMORPH_DATA";
    public const string DebianDatasetsRoot = "/usr/share/datasets";

    /// <summary>A locator reading <c>NEUROMORPH_DATA</c> from the process environment.</summary>
    public static DatasetLocator FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable), DebianDatasetsRoot);

    /// <summary>Finds and reads both splits of the dataset called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="DatasetCatalog.KnownNames"/>.</exception>
    /// <exception cref="DataException">The files are missing or malformed.</exception>
    public DatasetSplits Load(string name, string? configuredPath = null)
    {
        if (name == DatasetCatalog.EmbeddedFashionMnistName)
            return EmbeddedFashionMnist.Load();
        var descriptor = Describe(name);
        var files = Locate(name, configuredPath);
        return new DatasetSplits(
            IdxDatasetReader.ReadFiles(
                files.TrainImages, files.TrainLabels, $"{descriptor.Title} training split from {files.Directory}", descriptor.Normalization),
            IdxDatasetReader.ReadFiles(
                files.TestImages, files.TestLabels, $"{descriptor.Title} test split from {files.Directory}", descriptor.Normalization));
    }

    /// <summary>The first folder holding all four files of the file-based dataset <paramref name="name"/>.</summary>
    public DatasetFiles Locate(string name, string? configuredPath = null)
    {
        if (name == DatasetCatalog.EmbeddedFashionMnistName)
            throw new ArgumentException($"'{name}' is embedded in the engine; it has no files to locate.", nameof(name));
        var descriptor = Describe(name);
        var report = new StringBuilder();
        foreach (var (directory, origin) in Candidates(descriptor, configuredPath))
        {
            if (DatasetDirectory.TryFind(directory, out var files, out var problem))
                return files;
            report.Append($"  - {directory} ({origin}): {problem}\n");
        }
        throw new DataException(NotFoundMessage(descriptor, report.ToString(), searchedEnvironment: string.IsNullOrWhiteSpace(configuredPath)));
    }

    private static DatasetDescriptor Describe(string name) =>
        DatasetCatalog.FindFileDataset(name)
            ?? throw new ArgumentException(
                $"Unknown dataset '{name}'. Known datasets: {string.Join(", ", DatasetCatalog.KnownNames)}.", nameof(name));

    private IEnumerable<(string Directory, string Origin)> Candidates(DatasetDescriptor descriptor, string? configuredPath)
    {
        // An explicit data.path is the only place looked at: silently reading another copy would be wrong.
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            yield return (Path.GetFullPath(configuredPath), "data.path");
            yield break;
        }
        if (!string.IsNullOrWhiteSpace(environmentDataPath))
        {
            yield return (Path.GetFullPath(environmentDataPath), $"${EnvironmentVariable}");
            yield return (Path.GetFullPath(Path.Combine(environmentDataPath, descriptor.Name)), $"${EnvironmentVariable}/{descriptor.Name}");
        }
        if (descriptor.DebianPackage is not null)
            yield return (Path.Combine(systemDatasetsRoot, descriptor.Name), $"Debian package {descriptor.DebianPackage}");
    }

    private string NotFoundMessage(DatasetDescriptor descriptor, string report, bool searchedEnvironment)
    {
        var files = string.Join(", ", DatasetCatalog.FileNames.Select(file => file + ".gz"));
        var install = descriptor.DebianPackage is null ? "" : $"sudo apt-get install {descriptor.DebianPackage}, or ";
        var environmentNote = searchedEnvironment && string.IsNullOrWhiteSpace(environmentDataPath) ? $"{EnvironmentVariable} is not set.\n" : "";
        var searched = report.Length == 0
            ? $"Dataset '{descriptor.Name}' ({descriptor.Title}) was not found: no data.path is configured, "
                + $"{EnvironmentVariable} is not set and no system package installs it.\n"
            : $"Dataset '{descriptor.Name}' ({descriptor.Title}) was not found. Looked in:\n{report}{environmentNote}";
        return searched
            + $"To get it: {install}set data.path or {EnvironmentVariable} to a folder holding {files} "
            + $"(plain or .gz), downloaded from {descriptor.Source}. "
            + $"To run without files, use the bundled subset: data.dataset = \"{DatasetCatalog.EmbeddedFashionMnistName}\".";
    }
}

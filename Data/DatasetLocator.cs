using System.Text;
using Neuromorph.Data.Cifar;
using Neuromorph.Data.ImageFolder;

namespace Neuromorph.Data;

/// <summary>
/// Finds a dataset by name and loads it. File-based datasets (<c>fashion-mnist</c>, <c>mnist</c>, the CIFAR ones)
/// are searched in the configured path alone when one is given, otherwise in <c>$NEUROMORPH_DATA</c> and
/// <c>$NEUROMORPH_DATA/name</c>, and in the Debian package's folder <c>/usr/share/datasets/name</c> (where a package
/// exists). Each of the four standard MNIST files may be plain or end in <c>.gz</c>; a CIFAR folder may hold the
/// release's files or the folder its archive unpacks to. <c>image-folder</c> reads the configured path only.
/// <c>embedded-fashion-mnist</c> needs no files.
/// </summary>
/// <param name="environmentDataPath">The value of <c>NEUROMORPH_DATA</c> (null or empty when unset).</param>
/// <param name="systemDatasetsRoot">The folder Debian's dataset packages install into.</param>
internal sealed class DatasetLocator(string? environmentDataPath, string systemDatasetsRoot)
{
    public const string EnvironmentVariable = "NEUROMORPH_DATA";
    public const string DebianDatasetsRoot = "/usr/share/datasets";

    /// <summary>The side <c>image-folder</c> images are resized to unless told otherwise.</summary>
    public const int DefaultImageSize = 64;

    /// <summary>A locator reading <c>NEUROMORPH_DATA</c> from the process environment.</summary>
    public static DatasetLocator FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable), DebianDatasetsRoot);

    /// <summary>
    /// Finds and reads both splits of the dataset called <paramref name="name"/>. <paramref name="imageSize"/> is the
    /// side <c>image-folder</c> images are resized to (other datasets have their own size).
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="DatasetCatalog.KnownNames"/>, or
    /// <c>image-folder</c> has no path.</exception>
    /// <exception cref="DataException">The files are missing or malformed.</exception>
    public DatasetSplits Load(string name, string? configuredPath = null, int imageSize = DefaultImageSize)
    {
        if (name == DatasetCatalog.EmbeddedFashionMnistName)
            return EmbeddedFashionMnist.Load();
        if (name == DatasetCatalog.ImageFolderName)
        {
            if (string.IsNullOrWhiteSpace(configuredPath))
                throw new ArgumentException($"'{name}' needs the folder that holds its images (data.path).", nameof(configuredPath));
            return ImageFolderDataset.Load(Path.GetFullPath(configuredPath), imageSize);
        }
        if (CifarFormat.Find(name) is { } cifar)
            return CifarReader.ReadSplits(LocateCifar(cifar, configuredPath), cifar);
        var descriptor = Describe(name);
        var files = Locate(name, configuredPath);
        return new DatasetSplits(
            IdxDatasetReader.ReadFiles(
                files.TrainImages, files.TrainLabels, $"{descriptor.Title} training split from {files.Directory}", descriptor.Normalization),
            IdxDatasetReader.ReadFiles(
                files.TestImages, files.TestLabels, $"{descriptor.Title} test split from {files.Directory}", descriptor.Normalization));
    }

    /// <summary>The first folder holding all four files of the MNIST-format dataset <paramref name="name"/>.</summary>
    public DatasetFiles Locate(string name, string? configuredPath = null)
    {
        if (name == DatasetCatalog.EmbeddedFashionMnistName)
            throw new ArgumentException($"'{name}' is embedded in the engine; it has no files to locate.", nameof(name));
        var descriptor = Describe(name);
        var holding = $"{string.Join(", ", DatasetCatalog.FileNames.Select(file => file + ".gz"))} (plain or .gz)";
        return Search(descriptor, configuredPath, holding, directory =>
            DatasetDirectory.TryFind(directory, out var files, out var problem) ? (files, "") : (null, problem));
    }

    /// <summary>The first folder holding every file of the CIFAR release <paramref name="format"/>.</summary>
    public string LocateCifar(CifarFormat format, string? configuredPath = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        return Search(format.Descriptor, configuredPath, $"{format.Layout} or those files", directory =>
            CifarDirectory.TryFind(directory, format, out var found, out var problem) ? (found, "") : (null, problem));
    }

    private static DatasetDescriptor Describe(string name) =>
        DatasetCatalog.FindFileDataset(name)
            ?? throw new ArgumentException(
                $"Unknown dataset '{name}'. Known datasets: {string.Join(", ", DatasetCatalog.KnownNames)}.", nameof(name));

    /// <summary>
    /// The first candidate folder <paramref name="check"/> accepts, or a <see cref="DataException"/> listing each
    /// folder looked at with its problem and saying how to get the dataset (a folder holding <paramref name="holding"/>).
    /// </summary>
    private T Search<T>(DatasetDescriptor descriptor, string? configuredPath, string holding, Func<string, (T? Found, string Problem)> check)
        where T : class
    {
        var report = new StringBuilder();
        foreach (var (directory, origin) in Candidates(descriptor, configuredPath))
        {
            var (found, problem) = check(directory);
            if (found is not null)
                return found;
            report.Append($"  - {directory} ({origin}): {problem}\n");
        }
        throw new DataException(NotFoundMessage(
            descriptor, report.ToString(), holding, searchedEnvironment: string.IsNullOrWhiteSpace(configuredPath)));
    }

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

    private string NotFoundMessage(DatasetDescriptor descriptor, string report, string holding, bool searchedEnvironment)
    {
        var install = descriptor.DebianPackage is null ? "" : $"sudo apt-get install {descriptor.DebianPackage}, or ";
        var environmentNote = searchedEnvironment && string.IsNullOrWhiteSpace(environmentDataPath) ? $"{EnvironmentVariable} is not set.\n" : "";
        var searched = report.Length == 0
            ? $"Dataset '{descriptor.Name}' ({descriptor.Title}) was not found: no data.path is configured, "
                + $"{EnvironmentVariable} is not set and no system package installs it.\n"
            : $"Dataset '{descriptor.Name}' ({descriptor.Title}) was not found. Looked in:\n{report}{environmentNote}";
        return searched
            + $"To get it: {install}set data.path or {EnvironmentVariable} to a folder holding {holding}, "
            + $"downloaded from {descriptor.Source}. "
            + $"To run without files, use the bundled subset: data.dataset = \"{DatasetCatalog.EmbeddedFashionMnistName}\".";
    }
}

namespace Neuromorph.Data.Events;

/// <summary>
/// The folder an event dataset is read from: <c>data.path</c> when set, otherwise
/// <c>$NEUROMORPH_DATA/&lt;name&gt;</c>. One place only, because the folder is part of the frame cache's key.
/// </summary>
internal static class EventDatasetSource
{
    /// <summary>The dataset's folder as a full path (it need not exist when its frames are cached).</summary>
    /// <exception cref="DataException">Neither <paramref name="configuredPath"/> nor <paramref name="environmentDataPath"/> is set.</exception>
    public static string Folder(EventDatasetDescriptor dataset, string? configuredPath, string? environmentDataPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return Path.GetFullPath(configuredPath);
        if (!string.IsNullOrWhiteSpace(environmentDataPath))
            return Path.GetFullPath(Path.Combine(environmentDataPath, dataset.Name));
        throw new DataException(
            $"Dataset '{dataset.Name}' ({dataset.Title}) has no folder: set data.path (or {DatasetLocator.EnvironmentVariable}, "
            + $"read as ${DatasetLocator.EnvironmentVariable}/{dataset.Name}) to a folder holding {dataset.Layout.Contents}. "
            + $"Get it from {dataset.Source}.");
    }

    /// <summary><see cref="Folder(EventDatasetDescriptor, string?, string?)"/> with the process's <c>NEUROMORPH_DATA</c>.</summary>
    public static string Folder(EventDatasetDescriptor dataset, string? configuredPath) =>
        Folder(dataset, configuredPath, Environment.GetEnvironmentVariable(DatasetLocator.EnvironmentVariable));
}

namespace Neuromorph.Data;

/// <summary>
/// Reads an image file and its label file (IDX, plain or gzip) into an <see cref="ImageDataset"/>,
/// checking that they belong together: the same count, and labels that are class indices.
/// </summary>
internal static class IdxDatasetReader
{
    /// <summary>Reads a pair of streams; the names appear in error messages.</summary>
    public static ImageDataset Read(
        Stream images,
        string imagesName,
        Stream labels,
        string labelsName,
        string description,
        DatasetNormalization normalization)
    {
        var imageFile = IdxReader.ReadImages(images, imagesName);
        var labelBytes = IdxReader.ReadLabels(labels, labelsName);
        if (imageFile.Count != labelBytes.Length)
            throw new DataException(
                $"'{imagesName}' holds {imageFile.Count} images but '{labelsName}' holds {labelBytes.Length} labels; "
                + "the image and label files must come from the same dataset and split.");
        var outOfRange = Array.FindIndex(labelBytes, label => label >= ImageDataset.DefaultClassCount);
        if (outOfRange >= 0)
            throw new DataException(
                $"'{labelsName}' holds label {labelBytes[outOfRange]} at position {outOfRange}; "
                + $"labels must be class indices 0 to {ImageDataset.DefaultClassCount - 1}.");
        return new ImageDataset(
            imageFile.Pixels, labelBytes, channels: 1, imageFile.Rows, imageFile.Columns, description, normalization);
    }

    /// <summary>Reads a pair of files; their paths appear in error messages.</summary>
    public static ImageDataset ReadFiles(
        string imagesPath, string labelsPath, string description, DatasetNormalization normalization)
    {
        using var images = Open(imagesPath);
        using var labels = Open(labelsPath);
        return Read(images, imagesPath, labels, labelsPath, description, normalization);
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"'{path}' could not be opened: {e.Message}", e);
        }
    }
}

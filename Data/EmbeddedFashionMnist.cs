namespace Neuromorph.Data;

/// <summary>
/// The class-balanced Fashion-MNIST subset embedded in this assembly (see
/// <c>Data/Resources/fashion-mnist-subset/README.md</c>): 10,000 training images (1,000 per class) and
/// 2,000 test images (200 per class), stored as the four standard IDX gz files.
/// </summary>
internal static class EmbeddedFashionMnist
{
    public const int TrainCount = 10_000;
    public const int TestCount = 2_000;

    /// <summary>The manifest resource name prefix, set by <c>LogicalName</c> in <c>Engine.csproj</c>.</summary>
    private const string ResourcePrefix = "Neuromorph.Data.FashionMnistSubset.";

    public static DatasetSplits Load() => new(
        LoadSplit("train", "training split"),
        LoadSplit("t10k", "test split"));

    private static ImageDataset LoadSplit(string prefix, string split)
    {
        var imagesName = ResourcePrefix + prefix + "-images-idx3-ubyte.gz";
        var labelsName = ResourcePrefix + prefix + "-labels-idx1-ubyte.gz";
        using var images = Open(imagesName);
        using var labels = Open(labelsName);
        return IdxDatasetReader.Read(
            images,
            imagesName,
            labels,
            labelsName,
            $"embedded Fashion-MNIST subset, {split}",
            DatasetNormalization.FashionMnist);
    }

    private static Stream Open(string resourceName) =>
        typeof(EmbeddedFashionMnist).Assembly.GetManifestResourceStream(resourceName)
        ?? throw new DataException(
            $"The embedded resource '{resourceName}' is missing from {typeof(EmbeddedFashionMnist).Assembly.GetName().Name}; "
            + "the Engine was built without Resources/fashion-mnist-subset.");
}

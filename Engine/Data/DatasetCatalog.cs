namespace Neuromorph.Engine.Data;

/// <summary>The datasets the engine can load by name (the <c>data.dataset</c> configuration key).</summary>
internal static class DatasetCatalog
{
    public const string FashionMnistName = "fashion-mnist";
    public const string MnistName = "mnist";
    public const string EmbeddedFashionMnistName = "embedded-fashion-mnist";

    /// <summary>Real Fashion-MNIST (60,000/10,000 images) from files; Debian ships it.</summary>
    public static DatasetDescriptor FashionMnist { get; } = new(
        FashionMnistName,
        "Fashion-MNIST",
        DatasetNormalization.FashionMnist,
        DebianPackage: "dataset-fashion-mnist",
        Source: "https://github.com/zalandoresearch/fashion-mnist");

    /// <summary>MNIST handwritten digits (60,000/10,000 images) from files; Debian has no package for it.</summary>
    public static DatasetDescriptor Mnist { get; } = new(
        MnistName,
        "MNIST",
        DatasetNormalization.Mnist,
        DebianPackage: null,
        Source: "the MNIST database (http://yann.lecun.com/exdb/mnist/ or one of its mirrors)");

    /// <summary>Every name <see cref="DatasetLocator"/> accepts, file-based and embedded.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = [FashionMnistName, MnistName, EmbeddedFashionMnistName];

    /// <summary>
    /// The number of classes of the dataset called <paramref name="name"/>, known before its files are read
    /// (every dataset the catalog knows has ten).
    /// </summary>
    public static int ClassCount(string name) =>
        KnownNames.Contains(name)
            ? ImageDataset.DefaultClassCount
            : throw new ArgumentException($"Unknown dataset '{name}'. Known datasets: {string.Join(", ", KnownNames)}.", nameof(name));

    /// <summary>The four standard file names (without <c>.gz</c>) of an MNIST-format dataset.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The file-based dataset called <paramref name="name"/>, or null.</summary>
    public static DatasetDescriptor? FindFileDataset(string name) => name switch
    {
        FashionMnistName => FashionMnist,
        MnistName => Mnist,
        _ => null,
    };
}

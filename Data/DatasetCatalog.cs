using Neuromorph.Data.Cifar;
using Neuromorph.Data.ImageFolder;

namespace Neuromorph.Data;

/// <summary>The datasets the engine can load by name (the <c>data.dataset</c> configuration key).</summary>
internal static class DatasetCatalog
{
    public const string FashionMnistName = "fashion-mnist";
    public const string MnistName = "mnist";
    public const string EmbeddedFashionMnistName = "embedded-fashion-mnist";
    public const string Cifar10Name = "cifar10";
    public const string Cifar100Name = "cifar100";
    public const string Cifar100CoarseName = "cifar100-coarse";
    public const string ImageFolderName = "image-folder";

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
    public static IReadOnlyList<string> KnownNames { get; } =
    [
        FashionMnistName, MnistName, EmbeddedFashionMnistName, Cifar10Name, Cifar100Name, Cifar100CoarseName, ImageFolderName,
    ];

    /// <summary>
    /// The number of classes of the dataset called <paramref name="name"/>, known before its images are read: ten for
    /// the MNIST-style datasets and CIFAR-10, 100 for CIFAR-100 (20 for its coarse labels), and for <c>image-folder</c>
    /// the number of class folders under <paramref name="path"/><c>/train</c> (listed, not read).
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, or <c>image-folder</c> has no path.</exception>
    /// <exception cref="DataException">The image folder's layout is missing.</exception>
    public static int ClassCount(string name, string? path = null)
    {
        if (name == ImageFolderName)
            return string.IsNullOrWhiteSpace(path)
                ? throw new ArgumentException($"'{ImageFolderName}' needs the folder that holds its images (data.path).", nameof(path))
                : ImageFolderLayout.Classes(Path.GetFullPath(path)).Count;
        if (CifarFormat.Find(name) is { } cifar)
            return cifar.ClassCount;
        return KnownNames.Contains(name)
            ? ImageDataset.DefaultClassCount
            : throw new ArgumentException($"Unknown dataset '{name}'. Known datasets: {string.Join(", ", KnownNames)}.", nameof(name));
    }

    /// <summary>The four standard file names (without <c>.gz</c>) of an MNIST-format dataset.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The MNIST-format dataset called <paramref name="name"/>, or null.</summary>
    public static DatasetDescriptor? FindFileDataset(string name) => name switch
    {
        FashionMnistName => FashionMnist,
        MnistName => Mnist,
        _ => null,
    };
}

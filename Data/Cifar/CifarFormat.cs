namespace Neuromorph.Data.Cifar;

/// <summary>
/// One of the CIFAR binary releases (Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009) and
/// which of its labels to use. Every file is a run of fixed-size records: <see cref="LabelBytes"/> label bytes, then
/// 3072 pixel bytes, the 32×32 red plane, then green, then blue, each row-major, which is the engine's
/// <c>C × H × W</c> layout.
/// </summary>
/// <param name="Descriptor">The dataset's name, title, normalisation and download source.</param>
/// <param name="Folder">The folder the release's archive unpacks to.</param>
/// <param name="TrainFiles">The training split's files, in order.</param>
/// <param name="TestFiles">The test split's files.</param>
/// <param name="LabelBytes">Label bytes before each record's pixels (1 for CIFAR-10; 2 for CIFAR-100: coarse, fine).</param>
/// <param name="LabelOffset">Which of the label bytes is the class.</param>
/// <param name="ClassCount">The number of classes of that label.</param>
internal sealed record CifarFormat(
    DatasetDescriptor Descriptor,
    string Folder,
    IReadOnlyList<string> TrainFiles,
    IReadOnlyList<string> TestFiles,
    int LabelBytes,
    int LabelOffset,
    int ClassCount)
{
    public const int Channels = 3;
    public const int Side = 32;

    /// <summary>3 × 32 × 32 pixel bytes per record.</summary>
    public const int PixelBytes = Channels * Side * Side;

    /// <summary>Bytes of one record: the labels and the pixels.</summary>
    public int RecordSize => LabelBytes + PixelBytes;

    /// <summary>Every file of the release the engine reads.</summary>
    public IEnumerable<string> Files => TrainFiles.Concat(TestFiles);

    /// <summary>What to put where, for messages: the folder and its files.</summary>
    public string Layout => $"{Folder}/ ({string.Join(", ", Files)})";

    private const string Cifar10Source =
        "https://www.cs.toronto.edu/~kriz/cifar.html (the binary version, cifar-10-binary.tar.gz; unpack it with tar xzf)";

    private const string Cifar100Source =
        "https://www.cs.toronto.edu/~kriz/cifar.html (the binary version, cifar-100-binary.tar.gz; unpack it with tar xzf)";

    /// <summary>CIFAR-10: five training batches of 10,000 images and a test batch, 10 classes.</summary>
    public static CifarFormat Cifar10 { get; } = new(
        new DatasetDescriptor(DatasetCatalog.Cifar10Name, "CIFAR-10", DatasetNormalization.Cifar10, DebianPackage: null, Cifar10Source),
        "cifar-10-batches-bin",
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"],
        ["test_batch.bin"],
        LabelBytes: 1,
        LabelOffset: 0,
        ClassCount: 10);

    /// <summary>CIFAR-100 with its 100 fine classes.</summary>
    public static CifarFormat Cifar100 { get; } = new(
        new DatasetDescriptor(DatasetCatalog.Cifar100Name, "CIFAR-100", DatasetNormalization.Cifar100, DebianPackage: null, Cifar100Source),
        "cifar-100-binary",
        ["train.bin"],
        ["test.bin"],
        LabelBytes: 2,
        LabelOffset: 1,
        ClassCount: 100);

    /// <summary>CIFAR-100 with its 20 coarse classes (superclasses); the same files.</summary>
    public static CifarFormat Cifar100Coarse { get; } = Cifar100 with
    {
        Descriptor = Cifar100.Descriptor with { Name = DatasetCatalog.Cifar100CoarseName, Title = "CIFAR-100 (20 coarse classes)" },
        LabelOffset = 0,
        ClassCount = 20,
    };

    /// <summary>The format of the dataset called <paramref name="name"/>, or null when it is not a CIFAR dataset.</summary>
    public static CifarFormat? Find(string name) => name switch
    {
        DatasetCatalog.Cifar10Name => Cifar10,
        DatasetCatalog.Cifar100Name => Cifar100,
        DatasetCatalog.Cifar100CoarseName => Cifar100Coarse,
        _ => null,
    };
}

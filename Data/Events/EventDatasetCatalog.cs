namespace Neuromorph.Data.Events;

/// <summary>The event-camera datasets the engine can load by name (values of <c>data.dataset</c>).</summary>
internal static class EventDatasetCatalog
{
    public const string NMnistName = "nmnist";
    public const string SaccadeFashionMnistName = "saccade-fashion-mnist";
    public const string SaccadeMnistName = "saccade-mnist";
    public const string DvsGestureName = "dvs-gesture";
    public const string Cifar10DvsName = "cifar10-dvs";

    /// <summary>The sensor of N-MNIST and of <c>data saccade</c>'s conversions of 28 × 28 images.</summary>
    public const int NMnistSensorSize = 34;

    /// <summary>
    /// The default frame size of the 34 × 34 recordings: 32, because <c>csnn</c> needs sizes divisible by 4
    /// (⌊x·32/34⌋ merges two pairs of neighbouring columns and rows; no event is lost).
    /// </summary>
    public const int NMnistDefaultSize = 32;

    /// <summary>The default frame size of the 128 × 128 recordings.</summary>
    public const int DvsDefaultSize = 48;

    /// <summary>Every event dataset, in the order they are listed.</summary>
    public static IReadOnlyList<EventDatasetDescriptor> All { get; } =
    [
        new(NMnistName, "N-MNIST", NMnistSensorSize, NMnistSensorSize, 10, NMnistDefaultSize,
            "https://www.garrickorchard.com/datasets/n-mnist (Train.zip and Test.zip, extracted into one folder)",
            new NMnistLayout(NMnistSensorSize, NMnistSensorSize, 10)),
        new(SaccadeFashionMnistName, "Fashion-MNIST converted by saccades", NMnistSensorSize, NMnistSensorSize, 10, NMnistDefaultSize,
            "neuromorph data saccade --dataset fashion-mnist --out DIR",
            new NMnistLayout(NMnistSensorSize, NMnistSensorSize, 10)),
        new(SaccadeMnistName, "MNIST converted by saccades", NMnistSensorSize, NMnistSensorSize, 10, NMnistDefaultSize,
            "neuromorph data saccade --dataset mnist --out DIR",
            new NMnistLayout(NMnistSensorSize, NMnistSensorSize, 10)),
        new(DvsGestureName, "DVS128 Gesture", DvsGestureLayout.SensorSize, DvsGestureLayout.SensorSize, GestureLabelFile.ClassCount,
            DvsDefaultSize,
            "https://research.ibm.com/interactive/dvsgesture/ (DvsGesture.tar.gz, extracted)",
            new DvsGestureLayout()),
        new(Cifar10DvsName, "CIFAR10-DVS", CifarDvsEventFile.SensorSize, CifarDvsEventFile.SensorSize, 10, DvsDefaultSize,
            "https://figshare.com/articles/dataset/CIFAR10-DVS_New/4724671 (the ten class zip files, extracted into one folder)",
            new Cifar10DvsLayout()),
    ];

    /// <summary>The configuration names of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(descriptor => descriptor.Name).ToArray();

    /// <summary>The event dataset called <paramref name="name"/>, or null when it is not one.</summary>
    public static EventDatasetDescriptor? Find(string name) => All.FirstOrDefault(descriptor => descriptor.Name == name);

    /// <summary>
    /// The image datasets <c>data saccade</c> converts: the 28 × 28 ones, whose recordings fill the 34 × 34 sensor that
    /// <see cref="SaccadeFashionMnistName"/> and <see cref="SaccadeMnistName"/> are read with.
    /// </summary>
    public static IReadOnlyList<string> SaccadeSources { get; } =
        [DatasetCatalog.FashionMnistName, DatasetCatalog.MnistName, DatasetCatalog.EmbeddedFashionMnistName];

    /// <summary>The saccade-converted dataset name for images of the image dataset <paramref name="imageDataset"/>.</summary>
    public static string SaccadeNameFor(string imageDataset) =>
        imageDataset == DatasetCatalog.MnistName ? SaccadeMnistName : SaccadeFashionMnistName;
}

namespace Neuromorph.Host.DataFetch;

/// <summary>
/// The public releases <c>data fetch</c> knows. Sizes and SHA-256 digests are the ones TensorFlow Datasets
/// records for the same URLs; MD5 digests are those the publishers state (CIFAR, Fashion-MNIST) or that the
/// established SNN loaders (SpikingJelly, Tonic) verify for releases published without a SHA-256
/// (N-MNIST, CIFAR10-DVS, DVS128 Gesture).
/// </summary>
internal static class DatasetSources
{
    private static readonly Uri FashionMnistBase = new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    private static readonly Uri MnistBase = new("https://storage.googleapis.com/cvdf-datasets/mnist/");
    private static readonly Uri CifarBase = new("https://www.cs.toronto.edu/~kriz/");
    private static readonly Uri Figshare = new("https://ndownloader.figshare.com/files/");
    private const string GestureBox = "https://ibm.ent.box.com/s/3hiq58ww1pbbjrinh367ykfdf60xsfm8/folder/50167556794";

    public static IReadOnlyList<DatasetSource> All { get; } =
    [
        new("fashion-mnist",
        [
            new("train-images-idx3-ubyte.gz", new(FashionMnistBase, "train-images-idx3-ubyte.gz"), 26_421_880,
                "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
            new("train-labels-idx1-ubyte.gz", new(FashionMnistBase, "train-labels-idx1-ubyte.gz"), 29_515,
                "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", "25c81989df183df01b3e8a0aad5dffbe"),
            new("t10k-images-idx3-ubyte.gz", new(FashionMnistBase, "t10k-images-idx3-ubyte.gz"), 4_422_102,
                "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", "bef4ecab320f06d8554ea6380940ec79"),
            new("t10k-labels-idx1-ubyte.gz", new(FashionMnistBase, "t10k-labels-idx1-ubyte.gz"), 5_148,
                "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", "bb300cfdad3c16e7a12a480ee83cd310"),
        ], Unpacked: null),
        new("mnist",
        [
            new("train-images-idx3-ubyte.gz", new(MnistBase, "train-images-idx3-ubyte.gz"), 9_912_422,
                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            new("train-labels-idx1-ubyte.gz", new(MnistBase, "train-labels-idx1-ubyte.gz"), 28_881,
                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            new("t10k-images-idx3-ubyte.gz", new(MnistBase, "t10k-images-idx3-ubyte.gz"), 1_648_877,
                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            new("t10k-labels-idx1-ubyte.gz", new(MnistBase, "t10k-labels-idx1-ubyte.gz"), 4_542,
                "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
        ], Unpacked: null),
        new("cifar10",
        [
            new("cifar-10-binary.tar.gz", new(CifarBase, "cifar-10-binary.tar.gz"), 170_052_171,
                "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", "c32a1d4ab5d03f1284b67883e8d87530"),
        ], Unpacked: "cifar-10-batches-bin"),
        new("cifar100",
        [
            new("cifar-100-binary.tar.gz", new(CifarBase, "cifar-100-binary.tar.gz"), 168_513_733,
                "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec", "03b5dce01913d631647c71ecec9e9cb8"),
        ], Unpacked: "cifar-100-binary"),
        new("nmnist",
        [
            new("Train.zip", new("https://www.dropbox.com/sh/tg2ljlbmtzygrag/AABlMOuR15ugeOxMCX0Pvoxga/Train.zip?dl=1"),
                Md5: "20959b8e626244a1b502305a9e6e2031"),
            new("Test.zip", new("https://www.dropbox.com/sh/tg2ljlbmtzygrag/AADSKgJ2CjaBWh75HnTNZyhca/Test.zip?dl=1"),
                Md5: "69ca8762b2fe404d9b9bad1103e97832"),
        ], Unpacked: "Test"),
        new("cifar10-dvs",
        [
            new("airplane.zip", new(Figshare, "7712788"), Md5: "0afd5c4bf9ae06af762a77b180354fdd"),
            new("automobile.zip", new(Figshare, "7712791"), Md5: "8438dfeba3bc970c94962d995b1b9bdd"),
            new("bird.zip", new(Figshare, "7712794"), Md5: "a9c207c91c55b9dc2002dc21c684d785"),
            new("cat.zip", new(Figshare, "7712812"), Md5: "52c63c677c2b15fa5146a8daf4d56687"),
            new("deer.zip", new(Figshare, "7712815"), Md5: "b6bf21f6c04d21ba4e23fc3e36c8a4a3"),
            new("dog.zip", new(Figshare, "7712818"), Md5: "f379ebdf6703d16e0a690782e62639c3"),
            new("frog.zip", new(Figshare, "7712842"), Md5: "cad6ed91214b1c7388a5f6ee56d08803"),
            new("horse.zip", new(Figshare, "7712851"), Md5: "e7cbbf77bec584ffbf913f00e682782a"),
            new("ship.zip", new(Figshare, "7712836"), Md5: "41c7bd7d6b251be82557c6cce9a7d5c9"),
            new("truck.zip", new(Figshare, "7712839"), Md5: "89f3922fd147d9aeff89e76a2b0b70a7"),
        ], Unpacked: "truck"),
        new("dvs-gesture",
        [
            new("DvsGesture.tar.gz", new(GestureBox), Md5: "8a5c71fb11e24e5ca5b11866ca6c00a1"),
            new("gesture_mapping.csv", new(GestureBox), Md5: "109b2ae64a0e1f3ef535b18ad7367fd1"),
        ], Unpacked: "DvsGesture",
            ManualDownload: $"IBM publishes DVS128 Gesture behind a click-through page: download DvsGesture.tar.gz and " +
                            $"gesture_mapping.csv from {GestureBox} into the dataset folder, then run this command again " +
                            "to verify and unpack them."),
    ];

    /// <summary>The names <c>data fetch</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(source => source.Name).ToArray();

    public static DatasetSource? Find(string name) => All.FirstOrDefault(source => source.Name == name);
}

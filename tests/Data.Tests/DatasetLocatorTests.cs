using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class DatasetLocatorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string System => folder.Combine("system");

    /// <summary>Writes the four files of a tiny dataset (3 train, 2 test images) into <paramref name="directory"/>.</summary>
    private void WriteDataset(string directory, bool gzip = true)
    {
        var (trainImages, trainLabels) = IdxBytes.Indexed(3);
        var (testImages, testLabels) = IdxBytes.Indexed(2);
        byte[] Encode(byte[] bytes) => gzip ? IdxBytes.Gzip(bytes) : bytes;
        var suffix = gzip ? ".gz" : "";
        folder.Write(Path.Combine(directory, "train-images-idx3-ubyte" + suffix), Encode(trainImages));
        folder.Write(Path.Combine(directory, "train-labels-idx1-ubyte" + suffix), Encode(trainLabels));
        folder.Write(Path.Combine(directory, "t10k-images-idx3-ubyte" + suffix), Encode(testImages));
        folder.Write(Path.Combine(directory, "t10k-labels-idx1-ubyte" + suffix), Encode(testLabels));
    }

    [Fact]
    public void Load_UnknownName_ListsKnownNames()
    {
        var act = () => new DatasetLocator(null, System).Load("cifar-10");

        act.Should().Throw<ArgumentException>()
            .WithMessage("Unknown dataset 'cifar-10'. Known datasets: fashion-mnist, mnist, embedded-fashion-mnist, cifar10, cifar100, "
                + "cifar100-coarse, image-folder.*");
    }

    [Fact]
    public void Load_ConfiguredPathWithoutFiles_LooksNowhereElse()
    {
        Directory.CreateDirectory(folder.Combine("env"));
        var locator = new DatasetLocator(folder.Combine("env"), System);

        var act = () => locator.Load("fashion-mnist", folder.Combine("configured"));

        var message = act.Should().Throw<DataException>().Which.Message;
        message.Should().Contain($"  - {folder.Combine("configured")} (data.path): no such folder\n");
        message.Should().NotContain("NEUROMORPH_DATA):").And.NotContain("(Debian package");
    }

    [Fact]
    public void Load_NotFound_ListsEveryPlaceAndHowToGetTheData()
    {
        Directory.CreateDirectory(folder.Combine("env"));
        var locator = new DatasetLocator(folder.Combine("env"), System);

        var act = () => locator.Load("fashion-mnist");

        var message = act.Should().Throw<DataException>().Which.Message;
        message.Should().StartWith("Dataset 'fashion-mnist' (Fashion-MNIST) was not found. Looked in:\n");
        message.Should().Contain($"  - {folder.Combine("env")} ($NEUROMORPH_DATA): none of the four files\n");
        message.Should().Contain($"  - {folder.Combine("env", "fashion-mnist")} ($NEUROMORPH_DATA/fashion-mnist): no such folder\n");
        message.Should().Contain($"  - {folder.Combine("system", "fashion-mnist")} (Debian package dataset-fashion-mnist): no such folder\n");
        message.Should().Contain("sudo apt-get install dataset-fashion-mnist, or set data.path or NEUROMORPH_DATA to a folder holding "
            + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz");
        message.Should().Contain("data.dataset = \"embedded-fashion-mnist\"");
        message.Should().NotContain("is not set");
    }

    [Fact]
    public void Load_MnistNotFoundWithoutEnvironment_HasNoDebianPackageToSuggest()
    {
        var act = () => new DatasetLocator("", System).Load("mnist");

        var message = act.Should().Throw<DataException>().Which.Message;
        message.Should().Be(
            "Dataset 'mnist' (MNIST) was not found: no data.path is configured, NEUROMORPH_DATA is not set "
            + "and no system package installs it.\n"
            + "To get it: set data.path or NEUROMORPH_DATA to a folder holding train-images-idx3-ubyte.gz, "
            + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz (plain or .gz), "
            + "downloaded from the MNIST database (http://yann.lecun.com/exdb/mnist/ or one of its mirrors). "
            + "To run without files, use the bundled subset: data.dataset = \"embedded-fashion-mnist\".");
    }

    [Fact]
    public void Load_FashionMnistNotFoundWithoutEnvironment_SaysTheVariableIsUnset()
    {
        var act = () => new DatasetLocator(null, System).Load("fashion-mnist");

        act.Should().Throw<DataException>().WithMessage(
            "Dataset 'fashion-mnist' (Fashion-MNIST) was not found. Looked in:\n"
            + $"  - {folder.Combine("system", "fashion-mnist")} (Debian package dataset-fashion-mnist): no such folder\n"
            + "NEUROMORPH_DATA is not set.\nTo get it: sudo apt-get install dataset-fashion-mnist, or set data.path*");
    }

    [Fact]
    public void Locate_PartialFolder_SaysWhichFilesAreMissing()
    {
        folder.Write(Path.Combine("partial", "train-images-idx3-ubyte.gz"), [1]);
        folder.Write(Path.Combine("partial", "t10k-labels-idx1-ubyte"), [1]);

        var act = () => new DatasetLocator(null, System).Locate("mnist", folder.Combine("partial"));

        act.Should().Throw<DataException>().WithMessage(
            "*(data.path): missing train-labels-idx1-ubyte, t10k-images-idx3-ubyte (with or without .gz)*");
    }

    [Fact]
    public void Locate_EnvironmentSubfolder_FindsFilesWithOrWithoutGz()
    {
        WriteDataset(Path.Combine("env", "mnist"), gzip: false);
        folder.Write(Path.Combine("env", "mnist", "train-images-idx3-ubyte.gz"), [1]);

        var files = new DatasetLocator(folder.Combine("env"), System).Locate("mnist");

        files.Should().Be(new DatasetFiles(
            folder.Combine("env", "mnist"),
            folder.Combine("env", "mnist", "train-images-idx3-ubyte.gz"),
            folder.Combine("env", "mnist", "train-labels-idx1-ubyte"),
            folder.Combine("env", "mnist", "t10k-images-idx3-ubyte"),
            folder.Combine("env", "mnist", "t10k-labels-idx1-ubyte")));
    }

    [Fact]
    public void Locate_ConfiguredPath_WinsOverEnvironmentAndSystem()
    {
        WriteDataset("configured");
        WriteDataset("env");
        WriteDataset(Path.Combine("system", "fashion-mnist"));

        var files = new DatasetLocator(folder.Combine("env"), System).Locate("fashion-mnist", folder.Combine("configured"));

        files.Directory.Should().Be(folder.Combine("configured"));
    }

    [Fact]
    public void Load_SystemFolder_ReadsBothSplits()
    {
        WriteDataset(Path.Combine("system", "fashion-mnist"));

        var splits = new DatasetLocator(null, System).Load("fashion-mnist");

        splits.Train.Count.Should().Be(3);
        splits.Test.Count.Should().Be(2);
        Enumerable.Range(0, splits.Train.Count).Select(splits.Train.LabelOf).Should().Equal(0, 1, 2);
        splits.Train.Normalization.Should().Be(new DatasetNormalization(0.2860, 0.3530));
        splits.Train.Description.Should().Be($"Fashion-MNIST training split from {folder.Combine("system", "fashion-mnist")}");
    }

    [Fact]
    public void Load_Embedded_NeedsNoFiles()
    {
        var splits = new DatasetLocator(null, System).Load("embedded-fashion-mnist", folder.Combine("nowhere"));

        (splits.Train.Count, splits.Test.Count).Should().Be((10_000, 2_000));
    }
}

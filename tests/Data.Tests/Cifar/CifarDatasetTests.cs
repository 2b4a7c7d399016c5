using Neuromorph.Data;

namespace Neuromorph.Data.Tests.Cifar;

public sealed class CifarDatasetTests : IDisposable
{
    private readonly TempFolder folder = new();

    private DatasetLocator Locator => new(null, folder.Combine("system"));

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_Cifar10_ReadsEveryBatchInOrderWithPlanarPixels()
    {
        CifarRecords.WriteCifar10(folder, "cifar");

        var splits = Locator.Load("cifar10", folder.Combine("cifar"));

        var train = (ImageDataset)splits.Train;
        (train.Count, train.Channels, train.Height, train.Width, train.ClassCount).Should().Be((7, 3, 32, 32, 10));
        train.Labels.Should().Equal(3, 0, 9, 1, 2, 4, 5);
        // Samples follow the files in order: data_batch_1's three records, then one from each of data_batch_2..5.
        for (var sample = 0; sample < 7; sample++)
            foreach (var (c, y, x) in new[] { (0, 0, 0), (0, 31, 31), (1, 5, 7), (2, 0, 31), (2, 31, 0) })
                train.Pixels[(sample * 3072) + (c * 1024) + (y * 32) + x].Should().Be(CifarRecords.Pixel(sample, c, y, x));
        var test = (ImageDataset)splits.Test;
        test.Labels.Should().Equal(6, 8);
        test.Pixels[(1 * 3072) + (2 * 1024) + (3 * 32) + 4].Should().Be(CifarRecords.Pixel(8, 2, 3, 4));
        train.Normalization.Mean.Should().Equal(0.4914, 0.4822, 0.4465);
        train.Normalization.Std.Should().Equal(0.2470, 0.2435, 0.2616);
        train.Description.Should().Be($"CIFAR-10 training split from {folder.Combine("cifar")}");
    }

    [Fact]
    public void Load_Cifar10_FindsTheArchiveFolderInsideTheConfiguredOne()
    {
        CifarRecords.WriteCifar10(folder, Path.Combine("downloads", "cifar-10-batches-bin"));

        var splits = Locator.Load("cifar10", folder.Combine("downloads"));

        splits.Train.Count.Should().Be(7);
        splits.Train.Description.Should().EndWith(folder.Combine("downloads", "cifar-10-batches-bin"));
    }

    [Fact]
    public void Load_Cifar10FromTheEnvironmentFolder_FindsItUnderItsName()
    {
        CifarRecords.WriteCifar10(folder, Path.Combine("env", "cifar10"));

        var splits = new DatasetLocator(folder.Combine("env"), folder.Combine("system")).Load("cifar10");

        splits.Test.Count.Should().Be(2);
    }

    [Fact]
    public void Load_Cifar100_UsesTheFineLabelOrTheCoarseOne()
    {
        // Records: coarse label first, then fine label.
        folder.Write(Path.Combine("c100", "train.bin"), CifarRecords.File(CifarRecords.Record(0, 19, 99), CifarRecords.Record(1, 4, 57)));
        folder.Write(Path.Combine("c100", "test.bin"), CifarRecords.File(CifarRecords.Record(2, 0, 12)));

        var fine = Locator.Load("cifar100", folder.Combine("c100"));
        var coarse = Locator.Load("cifar100-coarse", folder.Combine("c100"));

        ((ImageDataset)fine.Train).Labels.Should().Equal(99, 57);
        ((ImageDataset)fine.Test).Labels.Should().Equal(12);
        fine.Train.ClassCount.Should().Be(100);
        ((ImageDataset)coarse.Train).Labels.Should().Equal(19, 4);
        coarse.Train.ClassCount.Should().Be(20);
        ((ImageDataset)fine.Train).Pixels[3072 + 1024 + 33].Should().Be(CifarRecords.Pixel(1, 1, 1, 1));
        fine.Train.Normalization.Should().Be(new DatasetNormalization([0.5071, 0.4865, 0.4409], [0.2673, 0.2564, 0.2762]));
        DatasetCatalog.ClassCount("cifar100").Should().Be(100);
        DatasetCatalog.ClassCount("cifar100-coarse").Should().Be(20);
        DatasetCatalog.ClassCount("cifar10").Should().Be(10);
    }

    [Fact]
    public void Load_TruncatedBatch_NamesTheFileAndItsSize()
    {
        CifarRecords.WriteCifar10(folder, "cifar");
        var truncated = CifarRecords.File(CifarRecords.Record(0, 1), CifarRecords.Record(1, 2))[..(3073 + 1000)];
        var path = folder.Write(Path.Combine("cifar", "data_batch_4.bin"), truncated);

        var act = () => Locator.Load("cifar10", folder.Combine("cifar"));

        act.Should().Throw<DataException>().WithMessage(
            $"'{path}' is 4073 bytes, not a whole number of 3073-byte CIFAR-10 records (1 label byte + 3072 pixel bytes)*truncated*");
    }

    [Fact]
    public void Load_Cifar100FileOfCifar10Records_IsRejectedBySize()
    {
        // Three 3073-byte records are 9219 bytes: not a multiple of CIFAR-100's 3074.
        folder.Write(Path.Combine("c100", "train.bin"), CifarRecords.File(CifarRecords.Record(0, 1), CifarRecords.Record(1, 1), CifarRecords.Record(2, 1)));
        folder.Write(Path.Combine("c100", "test.bin"), CifarRecords.File(CifarRecords.Record(0, 1, 1)));

        var act = () => Locator.Load("cifar100", folder.Combine("c100"));

        act.Should().Throw<DataException>().WithMessage("*train.bin' is 9219 bytes, not a whole number of 3074-byte CIFAR-100 records (2 label bytes*");
    }

    [Fact]
    public void Load_LabelOutOfRange_NamesTheFileAndRecord()
    {
        CifarRecords.WriteCifar10(folder, "cifar");
        var path = folder.Write(Path.Combine("cifar", "test_batch.bin"), CifarRecords.File(CifarRecords.Record(0, 4), CifarRecords.Record(1, 10)));

        var act = () => Locator.Load("cifar10", folder.Combine("cifar"));

        act.Should().Throw<DataException>().WithMessage($"'{path}' holds label 10 in record 1; CIFAR-10 labels are class indices 0 to 9*");
    }

    [Fact]
    public void Load_MissingFiles_ListsThemAndHowToGetTheDataset()
    {
        CifarRecords.WriteCifar10(folder, Path.Combine("partial", "cifar-10-batches-bin"));
        File.Delete(folder.Combine("partial", "cifar-10-batches-bin", "data_batch_3.bin"));
        File.Delete(folder.Combine("partial", "cifar-10-batches-bin", "test_batch.bin"));

        var act = () => Locator.Load("cifar10", folder.Combine("partial"));

        var message = act.Should().Throw<DataException>().Which.Message;
        message.Should().StartWith("Dataset 'cifar10' (CIFAR-10) was not found. Looked in:\n");
        message.Should().Contain($"  - {folder.Combine("partial")} (data.path): cifar-10-batches-bin/ is missing data_batch_3.bin, test_batch.bin\n");
        message.Should().Contain("cifar-10-binary.tar.gz");
        message.Should().Contain("set data.path or NEUROMORPH_DATA to a folder holding cifar-10-batches-bin/ (data_batch_1.bin, ");
    }

    [Fact]
    public void Load_EmptyFolder_SaysNeitherTheFolderNorItsFilesAreThere()
    {
        Directory.CreateDirectory(folder.Combine("empty"));

        var act = () => Locator.Load("cifar100", folder.Combine("empty"));

        act.Should().Throw<DataException>().WithMessage($"*  - {folder.Combine("empty")} (data.path): neither cifar-100-binary/ nor its files\n*");
    }
}

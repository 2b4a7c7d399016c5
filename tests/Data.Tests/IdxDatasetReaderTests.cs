using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class IdxDatasetReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadFiles_MatchingPair_BuildsSingleChannelDataset()
    {
        var images = folder.Write("i.gz", IdxBytes.Gzip(IdxBytes.TwoImages));
        var labels = folder.Write("l", IdxBytes.TwoLabels);

        var dataset = IdxDatasetReader.ReadFiles(images, labels, "hand-made", DatasetNormalization.Mnist);

        dataset.Count.Should().Be(2);
        (dataset.Channels, dataset.Height, dataset.Width, dataset.ClassCount).Should().Be((1, 2, 3, 10));
        dataset.Pixels.Should().Equal(0, 1, 2, 253, 254, 255, 10, 20, 30, 40, 50, 60);
        dataset.Labels.Should().Equal(7, 3);
        dataset.Description.Should().Be("hand-made");
        dataset.Normalization.Should().Be(new DatasetNormalization(0.1307, 0.3081));
    }

    [Fact]
    public void Read_CountMismatch_NamesBothFilesAndCounts()
    {
        var act = () => IdxDatasetReader.Read(
            new MemoryStream(IdxBytes.TwoImages), "a-images", new MemoryStream(IdxBytes.ThreeLabels), "b-labels", "x", DatasetNormalization.Mnist);

        act.Should().Throw<DataException>().WithMessage("'a-images' holds 2 images but 'b-labels' holds 3 labels*");
    }

    [Fact]
    public void Read_LabelOutsideTheTenClasses_IsAnError()
    {
        byte[] labels = [0, 0, 8, 1, 0, 0, 0, 2, 4, 12];

        var act = () => IdxDatasetReader.Read(
            new MemoryStream(IdxBytes.TwoImages), "images", new MemoryStream(labels), "labels", "x", DatasetNormalization.Mnist);

        act.Should().Throw<DataException>().WithMessage("'labels' holds label 12 at position 1; labels must be class indices 0 to 9.");
    }

    [Fact]
    public void ReadFiles_TruncatedGzipStream_NamesTheFile()
    {
        var whole = IdxBytes.Gzip(IdxBytes.Indexed(200).Images);
        var images = folder.Write("half.gz", whole[..(whole.Length / 2)]);
        var labels = folder.Write("labels", IdxBytes.Indexed(200).Labels);

        var act = () => IdxDatasetReader.ReadFiles(images, labels, "x", DatasetNormalization.Mnist);

        // .NET reports a cut-off gzip stream as an early end of data, so the file reads as truncated.
        act.Should().Throw<DataException>()
            .WithMessage($"'{images}' is truncated: the header promises 200 images of 2x2 (800 bytes) but only * bytes follow.");
    }

    [Fact]
    public void ReadFiles_MissingFile_IsADataException()
    {
        var missing = folder.Combine("nothing-here");

        var act = () => IdxDatasetReader.ReadFiles(missing, missing, "x", DatasetNormalization.Mnist);

        act.Should().Throw<DataException>().WithMessage($"'{missing}' could not be opened*");
    }
}

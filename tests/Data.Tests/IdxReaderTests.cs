using System.IO.Compression;
using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(false, "images-plain")]
    [InlineData(true, "images-compressed")]
    [InlineData(false, "plain-despite-name.gz")]
    [InlineData(true, "compressed-despite-name")]
    public void ReadImages_GoodFile_ReturnsHeaderAndPixels(bool gzip, string fileName)
    {
        var path = folder.Write(fileName, gzip ? IdxBytes.Gzip(IdxBytes.TwoImages) : IdxBytes.TwoImages);

        using var stream = File.OpenRead(path);
        var images = IdxReader.ReadImages(stream, path);

        images.Count.Should().Be(2);
        images.Rows.Should().Be(2);
        images.Columns.Should().Be(3);
        images.Pixels.Should().Equal(0, 1, 2, 253, 254, 255, 10, 20, 30, 40, 50, 60);
    }

    [Fact]
    public void ReadImages_NonSeekableGzipStream_IsDetectedAndRead()
    {
        // A decompressing GZipStream over gzip-of-gzip bytes yields the inner gzip file through a stream that cannot seek.
        using var outer = new GZipStream(new MemoryStream(IdxBytes.Gzip(IdxBytes.Gzip(IdxBytes.TwoImages))), CompressionMode.Decompress);

        IdxReader.ReadImages(outer, "nested").Pixels.Should().HaveCount(12).And.EndWith(new byte[] { 50, 60 });
    }

    [Fact]
    public void ReadLabels_GoodFile_ReturnsLabels()
    {
        using var stream = new MemoryStream(IdxBytes.Gzip(IdxBytes.TwoLabels));

        IdxReader.ReadLabels(stream, "labels.gz").Should().Equal(7, 3);
    }

    [Fact]
    public void ReadImages_TruncatedHeader_NamesFileAndHeaderSize()
    {
        var act = () => IdxReader.ReadImages(new MemoryStream(IdxBytes.TwoImages[..6]), "short-images.gz");

        act.Should().Throw<DataException>().WithMessage(
            "'short-images.gz' is truncated: an IDX image file starts with a 16-byte header, but the file holds only 6 bytes.");
    }

    [Fact]
    public void ReadImages_TruncatedPayload_SaysWhatTheHeaderPromised()
    {
        var act = () => IdxReader.ReadImages(new MemoryStream(IdxBytes.Gzip(IdxBytes.TwoImages[..21])), "cut.gz");

        act.Should().Throw<DataException>().WithMessage(
            "'cut.gz' is truncated: the header promises 2 images of 2x3 (12 bytes) but only 5 bytes follow.");
    }

    [Fact]
    public void ReadLabels_TruncatedPayload_SaysWhatTheHeaderPromised()
    {
        var act = () => IdxReader.ReadLabels(new MemoryStream(IdxBytes.ThreeLabels[..9]), "labels");

        act.Should().Throw<DataException>().WithMessage(
            "'labels' is truncated: the header promises 3 labels (3 bytes) but only 1 bytes follow.");
    }

    [Fact]
    public void ReadImages_TrailingBytes_AreAnError()
    {
        byte[] padded = [.. IdxBytes.TwoImages, 9, 9, 9];

        var act = () => IdxReader.ReadImages(new MemoryStream(padded), "padded");

        act.Should().Throw<DataException>().WithMessage("'padded' has 3 unexpected bytes after the 2 images of 2x3 (12 bytes)*");
    }

    [Fact]
    public void ReadImages_LabelFile_SaysWhichKindItIs()
    {
        var act = () => IdxReader.ReadImages(new MemoryStream(IdxBytes.TwoLabels), "train-labels-idx1-ubyte");

        act.Should().Throw<DataException>().WithMessage(
            "'train-labels-idx1-ubyte' is an IDX label file (magic 0x00000801), but an IDX image file (magic 0x00000803) was expected*");
    }

    [Fact]
    public void ReadLabels_UnknownMagic_ShowsTheBytesFound()
    {
        byte[] bytes = [0xDE, 0xAD, 0xBE, 0xEF, 0, 0, 0, 1, 5];

        var act = () => IdxReader.ReadLabels(new MemoryStream(bytes), "odd.bin");

        act.Should().Throw<DataException>().WithMessage(
            "'odd.bin' is a file starting with 0xdeadbeef, but an IDX label file (magic 0x00000801) was expected*");
    }

    [Fact]
    public void ReadImages_ZeroCount_IsAnError()
    {
        byte[] empty = [0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28];

        var act = () => IdxReader.ReadImages(new MemoryStream(empty), "empty");

        act.Should().Throw<DataException>().WithMessage("'empty' holds no images*");
    }

    [Fact]
    public void ReadImages_CorruptGzipData_IsAnError()
    {
        var gzip = IdxBytes.Gzip(IdxBytes.TwoImages);
        // Keep the 10-byte gzip header; 0xFF bytes start a deflate block of the reserved type 3, which is invalid.
        for (var i = 10; i < gzip.Length; i++)
            gzip[i] = 0xFF;

        var act = () => IdxReader.ReadImages(new MemoryStream(gzip), "broken.gz");

        act.Should().Throw<DataException>().WithMessage("'broken.gz' is not a valid gzip file*");
    }
}

using Neuromorph.Data;
using Neuromorph.Data.ImageFolder;

namespace Neuromorph.Data.Tests.ImageFolder;

public sealed class ImageFolderDatasetTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static byte[] SolidPng(byte r, byte g, byte b) => EncodedImages.Png(EncodedImages.Solid(2, 2, r, g, b), 2, 2, 3);

    /// <summary>
    /// train/{cat, ant, bird}/ (cat's image one folder down, as Tiny-ImageNet has it, beside a text file) and val/{ant, cat}/.
    /// </summary>
    private string WriteLayout()
    {
        folder.Write("root/train/cat/images/c.png", SolidPng(30, 30, 30));
        folder.Write("root/train/cat/boxes.txt", [1, 2, 3]);
        folder.Write("root/train/ant/b.JPG", EncodedImages.Jpeg(EncodedImages.Solid(8, 8, 200, 100, 50), 8, 8, 3));
        folder.Write("root/train/ant/a.png", SolidPng(10, 20, 30));
        folder.Write("root/train/bird/x.png", SolidPng(40, 50, 60));
        folder.Write("root/val/cat/w.jpeg", EncodedImages.Jpeg(EncodedImages.Solid(8, 8, 0, 0, 255), 8, 8, 3));
        folder.Write("root/val/ant/v.png", SolidPng(1, 2, 3));
        return folder.Combine("root");
    }

    [Fact]
    public void Load_Layout_ClassesAreSortedFolderNames_AndSamplesGoClassByClass()
    {
        var root = WriteLayout();

        var splits = ImageFolderDataset.Load(root, side: 2);

        var train = (ImageFolderDataset)splits.Train;
        train.Files.Should().Equal(
            Path.Combine(root, "train", "ant", "a.png"), Path.Combine(root, "train", "ant", "b.JPG"),
            Path.Combine(root, "train", "bird", "x.png"), Path.Combine(root, "train", "cat", "images", "c.png"));
        Enumerable.Range(0, 4).Select(train.LabelOf).Should().Equal(0, 0, 1, 2);
        (train.Channels, train.Height, train.Width, train.ClassCount).Should().Be((3, 2, 2, 3));
        Enumerable.Range(0, 2).Select(splits.Test.LabelOf).Should().Equal(0, 2);
        train.Normalization.Should().Be(DatasetNormalization.ImageNet);
        train.Description.Should().Be($"image folder {root}, training split (4 images of 3 classes, resized to 2x2)");
        DatasetCatalog.ClassCount("image-folder", root).Should().Be(3);
    }

    [Fact]
    public void SampleBytes_Png_IsDecodedExactlyIntoPlanarRgb()
    {
        // 2x2 RGB, interleaved rows: (1,2,3) (4,5,6) / (7,8,9) (10,11,12).
        byte[] pixels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var path = folder.Write("image.png", EncodedImages.Png(pixels, 2, 2, 3));
        var dataset = new ImageFolderDataset([path], [0], side: 2, classCount: 1, "one");

        var sample = dataset.SampleBytes(0, new SampleScratch()).ToArray();

        sample.Should().Equal(1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12);
    }

    [Fact]
    public void SampleBytes_WideImage_KeepsTheCentredSquare()
    {
        // 4x2 grey: columns 1 and 2 are the centred 2x2 square.
        byte[] pixels = [10, 20, 30, 40, 50, 60, 70, 80];
        var path = folder.Write("wide.png", EncodedImages.Png(pixels, 4, 2, 1));
        var dataset = new ImageFolderDataset([path], [0], side: 2, classCount: 1, "wide");

        var sample = dataset.SampleBytes(0, new SampleScratch()).ToArray();

        // Grey becomes RGB: the same plane three times.
        sample.Should().Equal(20, 30, 60, 70, 20, 30, 60, 70, 20, 30, 60, 70);
    }

    [Fact]
    public void SampleBytes_TallImage_KeepsTheTopSquareWhenTheExcessIsOdd()
    {
        // 2x3 grey: the excess row goes to the bottom, so rows 0 and 1 stay.
        byte[] pixels = [1, 2, 3, 4, 5, 6];
        var path = folder.Write("tall.png", EncodedImages.Png(pixels, 2, 3, 1));
        var dataset = new ImageFolderDataset([path], [0], side: 2, classCount: 1, "tall");

        dataset.SampleBytes(0, new SampleScratch()).ToArray()[..4].Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void SampleBytes_LargerImage_IsResampledWithTheWidenedTriangleFilter()
    {
        // 4x4 grey, every row 0, 70, 140, 210. Shrinking by 2: output 0 has centre 1 and support 2, so source pixels
        // 0, 1, 2 weigh 0.75, 0.75, 0.25 (sum 1.75): (0·3 + 70·3 + 140) / 7 = 50; output 1 (centre 3) reads 1, 2, 3
        // with 0.25, 0.75, 0.75: (70 + 140·3 + 210·3) / 7 = 160. Columns are constant, so rows change nothing.
        byte[] pixels = [.. Enumerable.Repeat(new byte[] { 0, 70, 140, 210 }, 4).SelectMany(row => row)];
        var path = folder.Write("big.png", EncodedImages.Png(pixels, 4, 4, 1));
        var dataset = new ImageFolderDataset([path], [0], side: 2, classCount: 1, "big");

        var sample = dataset.SampleBytes(0, new SampleScratch()).ToArray();

        sample.Should().Equal(50, 160, 50, 160, 50, 160, 50, 160, 50, 160, 50, 160);
    }

    [Fact]
    public void SampleBytes_RgbaPng_DropsAlpha_AndSmallImageIsEnlarged()
    {
        byte[] pixels = [.. Enumerable.Repeat(new byte[] { 9, 99, 199, 7 }, 4).SelectMany(pixel => pixel)];
        var path = folder.Write("alpha.png", EncodedImages.Png(pixels, 2, 2, 4));
        var dataset = new ImageFolderDataset([path], [0], side: 4, classCount: 1, "alpha");

        var sample = dataset.SampleBytes(0, new SampleScratch()).ToArray();

        sample.Should().HaveCount(48);
        sample[..16].Should().OnlyContain(value => value == 9);
        sample[16..32].Should().OnlyContain(value => value == 99);
        sample[32..].Should().OnlyContain(value => value == 199);
    }

    [Fact]
    public void SampleBytes_Jpeg_DecodesCloseToTheEncodedColour()
    {
        var path = folder.Write("solid.jpg", EncodedImages.Jpeg(EncodedImages.Solid(8, 8, 200, 100, 50), 8, 8, 3));
        var dataset = new ImageFolderDataset([path], [0], side: 4, classCount: 1, "jpeg");

        var sample = dataset.SampleBytes(0, new SampleScratch()).ToArray();

        // JPEG is lossy: a solid colour at quality 100 comes back within a few levels.
        sample[..16].Should().OnlyContain(value => Math.Abs(value - 200) <= 3);
        sample[16..32].Should().OnlyContain(value => Math.Abs(value - 100) <= 3);
        sample[32..].Should().OnlyContain(value => Math.Abs(value - 50) <= 3);
    }

    [Fact]
    public void SampleBytes_CorruptImage_IsADataErrorNamingTheFile()
    {
        var path = folder.Write("broken.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6, 7, 8]);
        var dataset = new ImageFolderDataset([path], [0], side: 2, classCount: 1, "broken");

        var act = () => dataset.SampleBytes(0, new SampleScratch()).ToArray();

        act.Should().Throw<DataException>().WithMessage($"'{path}' (12 bytes) could not be decoded: it is not a valid JPEG or PNG image*");
    }

    [Fact]
    public void SampleBytes_TruncatedPng_IsADataErrorNamingTheFile()
    {
        var png = EncodedImages.Png(EncodedImages.Solid(16, 16, 1, 2, 3), 16, 16, 3);
        var path = folder.Write("cut.png", png[..(png.Length / 2)]);
        var dataset = new ImageFolderDataset([path], [0], side: 2, classCount: 1, "cut");

        var act = () => dataset.SampleBytes(0, new SampleScratch()).ToArray();

        act.Should().Throw<DataException>().WithMessage($"'{path}'*could not be decoded*");
    }

    [Fact]
    public void Loader_CorruptImageInAnEpoch_EndsItWithTheDataErrorAfterTheBatchesBefore()
    {
        var root = WriteLayout();
        var bad = folder.Write("root/train/cat/images/d.png", [1, 2, 3]);
        var train = ImageFolderDataset.Load(root, side: 2).Train;
        using var loader = new BatchLoader(train, batchSize: 1, shuffle: false, seed: 0, workers: 3);
        var received = new List<int>();

        var act = () =>
        {
            foreach (var batch in loader.Epoch(0))
                received.Add(batch.Indices[0]);
        };

        act.Should().Throw<DataException>().WithMessage($"'{bad}'*");
        received.Should().Equal(0, 1, 2, 3);
        loader.RunningProducers.Should().Be(0);
    }

    [Fact]
    public void Loader_DecodesOnItsWorkersIntoScaledBatches()
    {
        var root = WriteLayout();
        var test = ImageFolderDataset.Load(root, side: 2).Test;
        using var loader = new BatchLoader(test, batchSize: 2, shuffle: false, seed: 0, workers: 2);

        var batch = loader.Epoch(0).Single();

        batch.Shape.Should().Equal(2L, 3L, 2L, 2L);
        batch.Labels.Should().Equal(0L, 2L);
        batch.Inputs[..12].Should().Equal(1 / 255f, 1 / 255f, 1 / 255f, 1 / 255f, 2 / 255f, 2 / 255f, 2 / 255f, 2 / 255f,
            3 / 255f, 3 / 255f, 3 / 255f, 3 / 255f);
    }

    [Fact]
    public void Load_ValidationClassMissingFromTraining_NamesTheFolder()
    {
        var root = WriteLayout();
        folder.Write("root/val/zebra/z.png", SolidPng(1, 1, 1));

        var act = () => ImageFolderDataset.Load(root, side: 2);

        act.Should().Throw<DataException>().WithMessage($"'{Path.Combine(root, "val", "zebra")}' is a class folder that*does not have*");
    }

    [Fact]
    public void Load_MissingValidationFolder_NamesIt()
    {
        folder.Write("root/train/ant/a.png", SolidPng(1, 1, 1));

        var act = () => ImageFolderDataset.Load(folder.Combine("root"), side: 2);

        act.Should().Throw<DataException>().WithMessage($"'{folder.Combine("root", "val")}' does not exist*");
    }

    [Fact]
    public void Load_MissingRoot_SaysWhatTheLayoutIs()
    {
        var act = () => ImageFolderDataset.Load(folder.Combine("nowhere"), side: 2);

        act.Should().Throw<DataException>().WithMessage($"The image folder '{folder.Combine("nowhere")}' (data.path) does not exist*train/<class>/*");
    }

    [Fact]
    public void Load_TrainingFolderWithoutClassesOrImages_IsADataError()
    {
        Directory.CreateDirectory(folder.Combine("empty", "train"));
        folder.Write("textonly/train/ant/readme.txt", [1]);
        Directory.CreateDirectory(folder.Combine("textonly", "val"));

        var noClasses = () => ImageFolderDataset.Load(folder.Combine("empty"), side: 2);
        var noImages = () => ImageFolderDataset.Load(folder.Combine("textonly"), side: 2);

        noClasses.Should().Throw<DataException>().WithMessage("*holds no class folders*");
        noImages.Should().Throw<DataException>().WithMessage($"'{folder.Combine("textonly", "train")}' holds no images*");
    }

    [Fact]
    public void Take_KeepsTheFirstFiles()
    {
        var train = ImageFolderDataset.Load(WriteLayout(), side: 2).Train;

        var first = (ImageFolderDataset)train.Take(3);

        first.Count.Should().Be(3);
        first.Files.Should().Equal(((ImageFolderDataset)train).Files.Take(3));
        first.Description.Should().EndWith(", first 3 images");
    }
}

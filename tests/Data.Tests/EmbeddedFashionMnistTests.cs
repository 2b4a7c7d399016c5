using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class EmbeddedFashionMnistTests
{
    private static readonly DatasetSplits Loaded = EmbeddedFashionMnist.Load();

    private static readonly (ImageDataset Train, ImageDataset Test) Subset = ((ImageDataset)Loaded.Train, (ImageDataset)Loaded.Test);

    [Fact]
    public void Load_Train_Has1000ImagesOfEachClass()
    {
        Subset.Train.Count.Should().Be(10_000);
        (Subset.Train.Channels, Subset.Train.Height, Subset.Train.Width).Should().Be((1, 28, 28));
        Subset.Train.Pixels.Should().HaveCount(10_000 * 784);
        Subset.Train.Labels.GroupBy(label => label).Should().HaveCount(10).And.OnlyContain(group => group.Count() == 1_000);
    }

    [Fact]
    public void Load_Test_Has200ImagesOfEachClass()
    {
        Subset.Test.Count.Should().Be(2_000);
        Subset.Test.Labels.GroupBy(label => label).Should().HaveCount(10).And.OnlyContain(group => group.Count() == 200);
    }

    [Fact]
    public void Load_Content_MatchesFashionMnistInFileOrder()
    {
        // The first labels of Fashion-MNIST's training and test files, and figures computed from the
        // subset files with Python's gzip module.
        Subset.Train.Labels.Take(12).Should().Equal(9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9);
        Subset.Test.Labels.Take(12).Should().Equal(9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5);
        Subset.Train.Pixels[(14 * 28) + 14].Should().Be(217);
        Subset.Train.Pixels.Sum(pixel => (long)pixel).Should().Be(573_133_949);
        Subset.Test.Pixels.Sum(pixel => (long)pixel).Should().Be(114_072_606);
    }

    [Fact]
    public void Load_DescribesItselfAsFashionMnist()
    {
        Subset.Train.Normalization.Should().Be(DatasetNormalization.FashionMnist);
        Subset.Train.Description.Should().Be("embedded Fashion-MNIST subset, training split");
        Subset.Test.Description.Should().Be("embedded Fashion-MNIST subset, test split");
    }
}

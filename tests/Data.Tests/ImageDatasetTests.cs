using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class ImageDatasetTests
{
    private static ImageDataset ThreeImagesOf2x2() => new(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [0, 1, 2], channels: 1, height: 2, width: 2, "three", DatasetNormalization.FashionMnist);

    [Fact]
    public void Take_Prefix_CopiesTheFirstImagesAndLabels()
    {
        var subset = ThreeImagesOf2x2().Take(2);

        subset.Count.Should().Be(2);
        subset.Pixels.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        subset.Labels.Should().Equal(0, 1);
        subset.Description.Should().Be("three, first 2 images");
        subset.Normalization.Should().Be(new DatasetNormalization(0.2860, 0.3530));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Take_OutOfRange_Throws(int count)
    {
        var act = () => ThreeImagesOf2x2().Take(count);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Constructor_PixelCountNotMatchingLabels_Throws()
    {
        var act = () => new ImageDataset(new byte[11], [0, 1, 2], 1, 2, 2, "bad", DatasetNormalization.Mnist);

        act.Should().Throw<ArgumentException>().WithMessage("3 labels need 12 pixel bytes of 1x2x2, but 11 were given.*");
    }
}

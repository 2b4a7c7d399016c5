using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class DatasetNormalizationTests
{
    [Fact]
    public void Presets_HoldEachDatasetsPublishedStatistics()
    {
        DatasetNormalization.Mnist.Mean.Should().Equal(0.1307);
        DatasetNormalization.Mnist.Std.Should().Equal(0.3081);
        DatasetNormalization.FashionMnist.Channels.Should().Be(1);
        DatasetNormalization.Cifar10.Mean.Should().Equal(0.4914, 0.4822, 0.4465);
        DatasetNormalization.Cifar10.Std.Should().Equal(0.2470, 0.2435, 0.2616);
        DatasetNormalization.Cifar100.Mean.Should().Equal(0.5071, 0.4865, 0.4409);
        DatasetNormalization.Cifar100.Std.Should().Equal(0.2673, 0.2564, 0.2762);
        DatasetNormalization.ImageNet.Channels.Should().Be(3);
    }

    [Fact]
    public void Equality_ComparesTheValues()
    {
        new DatasetNormalization([0.1, 0.2], [0.3, 0.4]).Should().Be(new DatasetNormalization([0.1, 0.2], [0.3, 0.4]));
        new DatasetNormalization([0.1, 0.2], [0.3, 0.4]).Should().NotBe(new DatasetNormalization([0.1, 0.2], [0.3, 0.5]));
        new DatasetNormalization(0.5, 0.25).Should().Be(new DatasetNormalization([0.5], [0.25]));
        new DatasetNormalization(0.5, 0.25).GetHashCode().Should().Be(new DatasetNormalization([0.5], [0.25]).GetHashCode());
        new DatasetNormalization([0.5, 0.25], [1, 2]).ToString().Should().Be("mean [0.5, 0.25], std [1, 2]");
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.2 }, new[] { 0.3 })]
    [InlineData(new double[0], new double[0])]
    [InlineData(new[] { 0.1 }, new[] { 0.0 })]
    [InlineData(new[] { 0.1 }, new[] { -1.0 })]
    [InlineData(new[] { double.NaN }, new[] { 1.0 })]
    public void Constructor_InvalidValues_Throws(double[] mean, double[] std)
    {
        var act = () => new DatasetNormalization(mean, std);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ImageDataset_NormalisationOfAnotherChannelCount_IsRejected()
    {
        var act = () => new ImageDataset(new byte[12], [0], 3, 2, 2, "rgb", new DatasetNormalization([0.1, 0.2], [0.3, 0.4]));

        act.Should().Throw<ArgumentException>().WithMessage("3-channel images need a normalisation with 1 or 3 channels, not 2.*");
    }
}

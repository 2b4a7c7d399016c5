using Neuromorph.Data.Augmentation;

namespace Neuromorph.Data.Tests.Augmentation;

/// <summary>Each photometric operation on a tiny image against values worked out by hand from its definition.</summary>
public sealed class PixelOperationsTests
{
    private static ImageShape Row(int width, int channels = 1) => new(channels, 1, width);

    [Fact]
    public void Invert_MapsEachValueTo255MinusIt()
    {
        byte[] image = [0, 1, 128, 255];

        PixelOperations.Invert(image);

        image.Should().Equal(255, 254, 127, 0);
    }

    [Fact]
    public void Solarize_InvertsValuesAtOrAboveTheThreshold()
    {
        byte[] image = [0, 127, 128, 200, 255];
        byte[] fractional = [198, 199, 255];

        PixelOperations.Solarize(image, 128);
        PixelOperations.Solarize(fractional, 255.0 * 7 / 9); // 198.33: 199 and up are inverted

        image.Should().Equal(0, 127, 127, 55, 0);
        fractional.Should().Equal(198, 56, 0);
    }

    [Fact]
    public void Posterize_KeepsTheTopBits()
    {
        byte[] image = [7, 8, 255, 100];
        byte[] one = [127, 128, 200];

        PixelOperations.Posterize(image, 5); // mask 1111 1000
        PixelOperations.Posterize(one, 1);   // mask 1000 0000

        image.Should().Equal(0, 8, 248, 96); // 100 = 0110 0100 -> 0110 0000
        one.Should().Equal(0, 128, 128);
    }

    [Fact]
    public void AutoContrast_StretchesEachChannelToTheFullRange()
    {
        // Channel 0: lo 50, hi 150, so v -> floor((v - 50) * 255 / 100); channel 1 holds one value and stays.
        byte[] image = [50, 100, 150, 60, 7, 7, 7, 7];

        PixelOperations.AutoContrast(image, Row(4, channels: 2));

        image.Should().Equal(0, 127, 255, 25, 7, 7, 7, 7); // 127.5 and 25.5 truncate
    }

    [Fact]
    public void Equalize_FollowsPilsCumulativeHistogram()
    {
        // 612 pixels: 300 of 10, 200 of 20, 100 of 30, 12 of 40. step = (612 - 12) / 255 = 2; the running sum starts
        // at step / 2 = 1: 10 -> 1/2 = 0, 20 -> 301/2 = 150, 30 -> 501/2 = 250, 40 -> 601/2 = 300, clipped to 255.
        var shape = new ImageShape(1, 18, 34);
        var image = Enumerable.Repeat((byte)10, 300).Concat(Enumerable.Repeat((byte)20, 200))
            .Concat(Enumerable.Repeat((byte)30, 100)).Concat(Enumerable.Repeat((byte)40, 12)).ToArray();

        PixelOperations.Equalize(image, shape);

        image.Distinct().Should().Equal(0, 150, 250, 255);
        image[299].Should().Be(0);
        image[300].Should().Be(150);
        image[500].Should().Be(250);
        image[611].Should().Be(255);
    }

    [Fact]
    public void Equalize_TooFewPixelsForAStep_LeavesTheImage()
    {
        byte[] image = [0, 0, 128, 255];

        PixelOperations.Equalize(image, Row(4));

        image.Should().Equal(0, 0, 128, 255);
    }

    [Fact]
    public void Brightness_ScalesTruncatesAndClips()
    {
        byte[] darker = [0, 10, 255, 3];
        byte[] brighter = [0, 100, 200];

        PixelOperations.Brightness(darker, 0.5);
        PixelOperations.Brightness(brighter, 1.9);

        darker.Should().Equal(0, 5, 127, 1);
        brighter.Should().Equal(0, 190, 255);
    }

    [Fact]
    public void Contrast_BlendsWithTheMeanGreyLevel()
    {
        // One channel [0, 100, 200, 100]: mean 100; factor 0.5 halves each distance to it.
        byte[] grey = [0, 100, 200, 100];
        // RGB, two pixels: red (255, 0, 0) has L = (255·19595 + 32768) >> 16 = 76, blue (0, 0, 255) has
        // L = (255·7471 + 32768) >> 16 = 29; the mean 52.5 rounds to 53; factor 0 leaves only the mean.
        byte[] colour = [255, 0, 0, 0, 0, 255];

        PixelOperations.Contrast(grey, Row(4), 0.5);
        PixelOperations.Contrast(colour, Row(2, channels: 3), 0.0);

        grey.Should().Equal(50, 100, 150, 100);
        colour.Should().Equal(53, 53, 53, 53, 53, 53);
    }

    [Fact]
    public void Color_FactorZeroGivesEachPixelsGreyLevel()
    {
        byte[] colour = [255, 0, 0, 0, 0, 255]; // red, blue (planar R, G, B)
        byte[] kept = [255, 0, 0, 0, 0, 255];
        byte[] single = [10, 20];

        PixelOperations.Color(colour, Row(2, channels: 3), 0.0);
        PixelOperations.Color(kept, Row(2, channels: 3), 1.0);
        PixelOperations.Color(single, Row(2), 0.0);

        colour.Should().Equal(76, 29, 76, 29, 76, 29);
        kept.Should().Equal(255, 0, 0, 0, 0, 255);
        single.Should().Equal(10, 20);
    }

    [Fact]
    public void Sharpness_BlendsTheInteriorWithItsSmoothedValue()
    {
        // 3x3, 100 in the centre: smoothed centre = round(5·100 / 13) = 38 (38.46); the border is its own degenerate.
        var shape = new ImageShape(1, 3, 3);
        byte[] blurred = [0, 0, 0, 0, 100, 0, 0, 0, 0];
        byte[] sharpened = [0, 0, 0, 0, 100, 0, 0, 0, 0];
        var spare = new byte[9];

        PixelOperations.Sharpness(blurred, shape, 0.0, spare);
        PixelOperations.Sharpness(sharpened, shape, 2.0, spare);

        blurred.Should().Equal(0, 0, 0, 0, 38, 0, 0, 0, 0);
        sharpened.Should().Equal(0, 0, 0, 0, 162, 0, 0, 0, 0); // 38 + 2·(100 − 38)
    }
}

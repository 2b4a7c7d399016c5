using Neuromorph.Data.Augmentation;

namespace Neuromorph.Data.Tests.Augmentation;

public sealed class SampleAugmentationTests
{
    private static readonly ImageShape Rgb = new(3, 8, 8);

    private static readonly AugmentationSettings Everything = new(
        RandomCropPadding: 2, HorizontalFlip: true, Cutout: 3, AutoAugment: AutoAugmentPolicy.Cifar10);

    private static byte[] Varied(ImageShape shape) => Enumerable.Range(0, shape.Size).Select(i => (byte)(1 + ((i * 37) % 250))).ToArray();

    private static byte[] Augmented(AugmentationSettings settings, ImageShape shape, byte[] image, long seed, int epoch, int index)
    {
        var copy = image.ToArray();
        new SampleAugmentation(settings).Apply(copy, shape, seed, epoch, index, new byte[shape.Size]);
        return copy;
    }

    [Fact]
    public void Apply_IsAPureFunctionOfSeedEpochAndIndex()
    {
        var image = Varied(Rgb);

        for (var index = 0; index < 20; index++)
        {
            var first = Augmented(Everything, Rgb, image, seed: 7, epoch: 1, index);
            // Other samples augmented in between change nothing.
            Augmented(Everything, Rgb, image, seed: 7, epoch: 3, index + 1);
            Augmented(Everything, Rgb, image, seed: 8, epoch: 1, index);
            Augmented(Everything, Rgb, image, seed: 7, epoch: 1, index).Should().Equal(first, $"sample {index}");
        }
    }

    [Fact]
    public void Apply_OtherEpochOrSeedOrIndex_GivesOtherImages()
    {
        var image = Varied(Rgb);
        var indices = Enumerable.Range(0, 10).ToArray();
        var epoch1 = indices.Select(index => Augmented(Everything, Rgb, image, 7, 1, index)).ToArray();
        var epoch2 = indices.Select(index => Augmented(Everything, Rgb, image, 7, 2, index)).ToArray();
        var seed8 = indices.Select(index => Augmented(Everything, Rgb, image, 8, 1, index)).ToArray();

        indices.Count(i => !epoch1[i].SequenceEqual(epoch2[i])).Should().BeGreaterThan(5);
        indices.Count(i => !epoch1[i].SequenceEqual(seed8[i])).Should().BeGreaterThan(5);
        epoch1.Skip(1).Count(other => !other.SequenceEqual(epoch1[0])).Should().BeGreaterThan(5);
    }

    [Fact]
    public void Apply_NothingOn_LeavesTheImage()
    {
        var image = Varied(Rgb);

        Augmented(AugmentationSettings.None, Rgb, image, 1, 1, 1).Should().Equal(image);
        AugmentationSettings.None.IsActive.Should().BeFalse();
        Everything.IsActive.Should().BeTrue();
    }

    [Fact]
    public void RandomCrop_IsAShiftOfAtMostThePaddingInEachDirection()
    {
        // Distinct non-zero pixels, so the shift can be read back from the output.
        var shape = new ImageShape(1, 6, 6);
        var image = Enumerable.Range(1, 36).Select(value => (byte)value).ToArray();
        var crop = new AugmentationSettings(RandomCropPadding: 2);
        var shifts = new HashSet<(int, int)>();

        for (var index = 0; index < 30; index++)
        {
            var output = Augmented(crop, shape, image, 3, 0, index);
            var matches = new List<(int Dx, int Dy)>();
            for (var dx = -2; dx <= 2; dx++)
            {
                for (var dy = -2; dy <= 2; dy++)
                {
                    var expected = image.ToArray();
                    GeometricOperations.Shift(expected, shape, dx, dy, fill: 0);
                    if (expected.SequenceEqual(output)) matches.Add((dx, dy));
                }
            }
            matches.Should().ContainSingle($"sample {index} must be one shift of the padded image");
            shifts.Add(matches[0]);
        }
        shifts.Count.Should().BeGreaterThan(5);
    }

    [Fact]
    public void HorizontalFlip_EitherMirrorsOrKeeps_AndDoesBoth()
    {
        var image = Varied(Rgb);
        var mirrored = image.ToArray();
        GeometricOperations.FlipHorizontal(mirrored, Rgb);
        var flip = new AugmentationSettings(HorizontalFlip: true);

        var outputs = Enumerable.Range(0, 40).Select(index => Augmented(flip, Rgb, image, 5, 2, index)).ToArray();

        outputs.Should().OnlyContain(output => output.SequenceEqual(image) || output.SequenceEqual(mirrored));
        outputs.Count(output => output.SequenceEqual(mirrored)).Should().BeInRange(5, 35);
    }

    [Fact]
    public void Cutout_ZeroesExactlyOneSquareOfTheSide_ClippedAtTheBorders()
    {
        var shape = new ImageShape(2, 8, 8);
        var white = Enumerable.Repeat((byte)255, shape.Size).ToArray();
        var cutout = new AugmentationSettings(Cutout: 4);
        var clipped = 0;

        for (var index = 0; index < 40; index++)
        {
            var output = Augmented(cutout, shape, white, 11, 0, index);
            var zeros = Enumerable.Range(0, 64).Where(p => output[p] == 0).ToArray();
            zeros.Should().NotBeEmpty();
            var (top, bottom) = (zeros.Min(p => p / 8), zeros.Max(p => p / 8));
            var (left, right) = (zeros.Min(p => p % 8), zeros.Max(p => p % 8));
            // One filled rectangle, the same in both channels...
            zeros.Should().HaveCount((bottom - top + 1) * (right - left + 1));
            output.AsSpan(64, 64).ToArray().Should().Equal(output.AsSpan(0, 64).ToArray());
            // ...of side 4 unless cut by a border.
            (bottom - top + 1).Should().Be(top == 0 || bottom == 7 ? Math.Min(4, bottom - top + 1) : 4);
            (right - left + 1).Should().Be(left == 0 || right == 7 ? Math.Min(4, right - left + 1) : 4);
            if (zeros.Length < 16) clipped++;
        }
        clipped.Should().BeGreaterThan(0, "some centres lie within 2 pixels of a border");
    }

    [Fact]
    public void Apply_AllocatesNothing()
    {
        // The loader's workers augment while the training thread runs without collections (CollectionPoint).
        var image = Varied(Rgb);
        var spare = new byte[Rgb.Size];
        var augmentation = new SampleAugmentation(Everything);
        augmentation.Apply(image, Rgb, 1, 0, 0, spare);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 0; index < 200; index++)
            augmentation.Apply(image, Rgb, 1, 0, index, spare);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}

namespace Neuromorph.Data.Augmentation;

/// <summary>
/// Augments one training sample in place: AutoAugment, then the random crop of the padded image, then the
/// horizontal flip, then Cutout (the order of the AutoAugment authors' CIFAR pipeline). The result is a pure
/// function of (seed, epoch, sample index) and the image: each stage draws from its own <see cref="SplitMix64"/>
/// stream whose state is <c>Mix(Mix(Mix(seed) + epoch) + index) XOR Mix(stage)</c> (unchecked 64-bit arithmetic;
/// stage 1 AutoAugment, 2 crop, 3 flip, 4 Cutout), so a resumed run, and a run with more workers, see the same
/// samples, and turning one stage on or off leaves the others' draws unchanged.
/// </summary>
internal sealed class SampleAugmentation
{
    private readonly AugmentationSettings settings;

    public SampleAugmentation(AugmentationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.RandomCropPadding);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Cutout);
        this.settings = settings;
    }

    public AugmentationSettings Settings => settings;

    /// <summary>
    /// Augments <paramref name="image"/> (of <paramref name="shape"/>) as sample <paramref name="index"/> of epoch
    /// <paramref name="epoch"/> under <paramref name="seed"/>; <paramref name="spare"/> is working memory of at least
    /// the image's size. Allocates nothing.
    /// </summary>
    public void Apply(Span<byte> image, ImageShape shape, long seed, int epoch, int index, Span<byte> spare)
    {
        shape.Check(image);
        var sample = SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(unchecked((ulong)seed)) + (ulong)epoch) + (ulong)index);
        if (settings.AutoAugment == AutoAugmentPolicy.Cifar10)
        {
            var random = Stream(sample, 1);
            AutoAugment.Apply(Cifar10Policy.SubPolicies, image, shape, ref random, spare);
        }
        if (settings.RandomCropPadding > 0)
        {
            var random = Stream(sample, 2);
            var span = (ulong)(2 * settings.RandomCropPadding) + 1;
            var dx = (int)random.NextBelow(span) - settings.RandomCropPadding;
            var dy = (int)random.NextBelow(span) - settings.RandomCropPadding;
            GeometricOperations.Shift(image, shape, dx, dy, fill: 0);
        }
        if (settings.HorizontalFlip && (Stream(sample, 3).Next() >> 63) == 1)
            GeometricOperations.FlipHorizontal(image, shape);
        if (settings.Cutout > 0)
        {
            var random = Stream(sample, 4);
            var centreY = (int)random.NextBelow((ulong)shape.Height);
            var centreX = (int)random.NextBelow((ulong)shape.Width);
            Cutout.Apply(image, shape, centreY, centreX, settings.Cutout);
        }
    }

    private static SplitMix64 Stream(ulong sample, ulong stage) => new(sample ^ SplitMix64.Mix(stage));
}

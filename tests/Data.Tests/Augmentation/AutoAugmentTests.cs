using Neuromorph.Data;
using Neuromorph.Data.Augmentation;
using static Neuromorph.Data.Augmentation.AutoAugmentOperation;

namespace Neuromorph.Data.Tests.Augmentation;

public sealed class AutoAugmentTests
{
    private static readonly ImageShape Cifar = new(3, 32, 32);

    [Fact]
    public void Cifar10Policy_HasThePapersTwentyFiveSubPolicies()
    {
        var policy = Cifar10Policy.SubPolicies;

        policy.Should().HaveCount(25);
        policy[0].Should().Be((new AutoAugmentStep(Invert, 0.1, 7), new AutoAugmentStep(Contrast, 0.2, 6)));
        policy[1].Should().Be((new AutoAugmentStep(Rotate, 0.7, 2), new AutoAugmentStep(TranslateX, 0.3, 9)));
        policy[5].Should().Be((new AutoAugmentStep(ShearY, 0.2, 7), new AutoAugmentStep(Posterize, 0.3, 7)));
        policy[14].Should().Be((new AutoAugmentStep(Solarize, 0.5, 2), new AutoAugmentStep(Invert, 0.0, 3)));
        policy[24].Should().Be((new AutoAugmentStep(TranslateY, 0.7, 9), new AutoAugmentStep(AutoContrast, 0.9, 1)));
        // Every operation of Table 1 but ShearX appears in the CIFAR-10 policy.
        policy.SelectMany(pair => new[] { pair.First.Operation, pair.Second.Operation }).Distinct().Should()
            .BeEquivalentTo(Enum.GetValues<AutoAugmentOperation>().Where(operation => operation != ShearX));
    }

    [Theory]
    [InlineData(nameof(ShearX), 9, false, 0.3)]
    [InlineData(nameof(ShearY), 3, true, -0.1)]
    [InlineData(nameof(TranslateX), 9, false, 150.0 / 331.0 * 32)]
    [InlineData(nameof(TranslateY), 0, false, 0.0)]
    [InlineData(nameof(Rotate), 2, false, 30.0 * 2 / 9)]
    [InlineData(nameof(Rotate), 9, true, -30.0)]
    [InlineData(nameof(Solarize), 2, false, 255.0 * 7 / 9)]
    [InlineData(nameof(Solarize), 0, false, 255.0)]
    [InlineData(nameof(Posterize), 7, false, 5.0)] // 8 − round(28/9 = 3.11)
    [InlineData(nameof(Posterize), 9, false, 4.0)]
    [InlineData(nameof(Posterize), 0, false, 8.0)]
    [InlineData(nameof(Brightness), 9, false, 1.9)]
    [InlineData(nameof(Color), 9, true, 0.1)]
    [InlineData(nameof(Sharpness), 0, true, 1.0)]
    [InlineData(nameof(Contrast), 6, false, 1.6)]
    [InlineData(nameof(Equalize), 5, false, 0.0)]
    public void Parameter_MapsTheBinOntoThePapersRange(string operation, int magnitude, bool negative, double expected)
    {
        AutoAugment.Parameter(Enum.Parse<AutoAugmentOperation>(operation), magnitude, Cifar, negative).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Parameter_BinOutsideZeroToNine_Throws()
    {
        var act = () => AutoAugment.Parameter(Rotate, 10, Cifar, negative: false);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void IsSigned_HoldsForGeometryAndEnhancementsOnly()
    {
        new[] { ShearX, ShearY, TranslateX, TranslateY, Rotate, Color, Contrast, Brightness, Sharpness }
            .Should().OnlyContain(operation => AutoAugment.IsSigned(operation));
        new[] { AutoContrast, Invert, Equalize, Solarize, Posterize }.Should().OnlyContain(operation => !AutoAugment.IsSigned(operation));
    }

    [Fact]
    public void Run_GeometricOperations_FillWithMidGrey()
    {
        var shape = new ImageShape(1, 3, 3);
        byte[] image = [1, 2, 3, 4, 5, 6, 7, 8, 9];

        AutoAugment.Run(TranslateX, 1, image, shape, new byte[9]);

        image.Should().Equal(2, 3, 128, 5, 6, 128, 8, 9, 128);
    }

    [Fact]
    public void Run_Posterize_UsesTheParameterAsBits()
    {
        byte[] image = [255, 100];

        AutoAugment.Run(Posterize, AutoAugment.Parameter(Posterize, 7, new ImageShape(1, 1, 2), false), image, new ImageShape(1, 1, 2), new byte[2]);

        image.Should().Equal(248, 96); // 5 bits
    }

    [Fact]
    public void Apply_SameStream_GivesTheSameImage_AndChangesSomeImages()
    {
        var shape = new ImageShape(3, 8, 8);
        var original = Enumerable.Range(0, shape.Size).Select(i => (byte)((i * 37) % 251)).ToArray();
        var changed = 0;
        for (ulong seed = 0; seed < 40; seed++)
        {
            var first = original.ToArray();
            var second = original.ToArray();
            var a = new SplitMix64(seed);
            var b = new SplitMix64(seed);

            AutoAugment.Apply(Cifar10Policy.SubPolicies, first, shape, ref a, new byte[shape.Size]);
            AutoAugment.Apply(Cifar10Policy.SubPolicies, second, shape, ref b, new byte[shape.Size]);

            first.Should().Equal(second);
            if (!first.SequenceEqual(original)) changed++;
        }
        // Most sub-policies apply one of their operations more often than not, so 40 draws change many images.
        changed.Should().BeGreaterThan(10);
    }
}

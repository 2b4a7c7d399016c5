namespace Neuromorph.Data.Augmentation;

/// <summary>
/// Runs AutoAugment operations on planar byte images. Magnitude bins 0 to 9 map linearly onto the paper's ranges
/// (Cubuk et al. 2019, Table 1), bin 9 being the end of the range (as torchvision's <c>AutoAugment</c>, which spaces
/// ten bins over each range with <c>linspace</c>):
/// <list type="bullet">
/// <item>ShearX/Y: shear 0.3 · m/9, so [−0.3, 0.3] with a random sign;</item>
/// <item>TranslateX/Y: (150/331) · size · m/9 pixels, the paper's [−150, 150] pixels of a 331-pixel image scaled to
/// the image's width (X) or height (Y), random sign;</item>
/// <item>Rotate: 30° · m/9, so [−30°, 30°], random sign;</item>
/// <item>Solarize: threshold 255 · (1 − m/9) (the paper's [0, 256], spaced as torchvision spaces it): values at or
/// above it are inverted, so bin 0 inverts only 255 and bin 9 every value;</item>
/// <item>Posterize: 8 − round(4m/9) bits, so 8 down to 4;</item>
/// <item>Color, Contrast, Brightness, Sharpness: factor 1 ± 0.9 · m/9, so [0.1, 1.9];</item>
/// <item>AutoContrast, Equalize, Invert: no magnitude.</item>
/// </list>
/// Geometric operations fill uncovered pixels with 128 (mid-grey, like the widely used PyTorch port of the policies;
/// the authors' code fills with the mean colour, close to it).
/// </summary>
internal static class AutoAugment
{
    /// <summary>The value uncovered pixels get in shears, translations and rotations.</summary>
    public const byte Fill = 128;

    /// <summary>The number of magnitude bins.</summary>
    public const int Bins = 10;

    /// <summary>
    /// Draws a sub-policy of <paramref name="policy"/> uniformly and runs it on <paramref name="image"/>, drawing each
    /// operation's coin (a uniform double below its probability applies it) and, for signed operations, the sign
    /// (negative when the next draw's top bit is 1), all from <paramref name="random"/>.
    /// </summary>
    public static void Apply(
        IReadOnlyList<(AutoAugmentStep First, AutoAugmentStep Second)> policy, Span<byte> image, ImageShape shape,
        ref SplitMix64 random, Span<byte> spare)
    {
        var (first, second) = policy[(int)random.NextBelow((ulong)policy.Count)];
        Maybe(first, image, shape, ref random, spare);
        Maybe(second, image, shape, ref random, spare);
    }

    private static void Maybe(AutoAugmentStep step, Span<byte> image, ImageShape shape, ref SplitMix64 random, Span<byte> spare)
    {
        if (random.NextDouble() >= step.Probability)
            return;
        var negative = IsSigned(step.Operation) && (random.Next() >> 63) == 1;
        Run(step.Operation, Parameter(step.Operation, step.Magnitude, shape, negative), image, shape, spare);
    }

    /// <summary>Whether the operation's parameter gets a random sign.</summary>
    public static bool IsSigned(AutoAugmentOperation operation) => operation is
        AutoAugmentOperation.ShearX or AutoAugmentOperation.ShearY or AutoAugmentOperation.TranslateX
        or AutoAugmentOperation.TranslateY or AutoAugmentOperation.Rotate or AutoAugmentOperation.Color
        or AutoAugmentOperation.Contrast or AutoAugmentOperation.Brightness or AutoAugmentOperation.Sharpness;

    /// <summary>
    /// The operation's parameter at magnitude bin <paramref name="magnitude"/> (see the type's summary): the shear,
    /// the translation in pixels, the angle in degrees, the solarize threshold, the posterize bits or the enhancement
    /// factor; 0 for operations without one.
    /// </summary>
    public static double Parameter(AutoAugmentOperation operation, int magnitude, ImageShape shape, bool negative)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(magnitude);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(magnitude, Bins);
        var level = magnitude / (double)(Bins - 1);
        var sign = negative ? -1.0 : 1.0;
        return operation switch
        {
            AutoAugmentOperation.ShearX or AutoAugmentOperation.ShearY => sign * 0.3 * level,
            AutoAugmentOperation.TranslateX => sign * 150.0 / 331.0 * shape.Width * level,
            AutoAugmentOperation.TranslateY => sign * 150.0 / 331.0 * shape.Height * level,
            AutoAugmentOperation.Rotate => sign * 30.0 * level,
            AutoAugmentOperation.Solarize => 255.0 * (1 - level),
            AutoAugmentOperation.Posterize => 8 - Math.Round(4.0 * magnitude / (Bins - 1), MidpointRounding.ToEven),
            AutoAugmentOperation.Color or AutoAugmentOperation.Contrast or AutoAugmentOperation.Brightness
                or AutoAugmentOperation.Sharpness => 1 + (sign * 0.9 * level),
            _ => 0,
        };
    }

    /// <summary>Runs one operation with its parameter (as <see cref="Parameter"/> gives it).</summary>
    public static void Run(AutoAugmentOperation operation, double parameter, Span<byte> image, ImageShape shape, Span<byte> spare)
    {
        switch (operation)
        {
            case AutoAugmentOperation.ShearX: GeometricOperations.ShearX(image, shape, parameter, Fill, spare); break;
            case AutoAugmentOperation.ShearY: GeometricOperations.ShearY(image, shape, parameter, Fill, spare); break;
            case AutoAugmentOperation.TranslateX: GeometricOperations.TranslateX(image, shape, parameter, Fill, spare); break;
            case AutoAugmentOperation.TranslateY: GeometricOperations.TranslateY(image, shape, parameter, Fill, spare); break;
            case AutoAugmentOperation.Rotate: GeometricOperations.Rotate(image, shape, parameter, Fill, spare); break;
            case AutoAugmentOperation.AutoContrast: PixelOperations.AutoContrast(image, shape); break;
            case AutoAugmentOperation.Invert: PixelOperations.Invert(image); break;
            case AutoAugmentOperation.Equalize: PixelOperations.Equalize(image, shape); break;
            case AutoAugmentOperation.Solarize: PixelOperations.Solarize(image, parameter); break;
            case AutoAugmentOperation.Posterize: PixelOperations.Posterize(image, (int)parameter); break;
            case AutoAugmentOperation.Contrast: PixelOperations.Contrast(image, shape, parameter); break;
            case AutoAugmentOperation.Color: PixelOperations.Color(image, shape, parameter); break;
            case AutoAugmentOperation.Brightness: PixelOperations.Brightness(image, parameter); break;
            case AutoAugmentOperation.Sharpness: PixelOperations.Sharpness(image, shape, parameter, spare); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown AutoAugment operation.");
        }
    }
}

using static Neuromorph.Data.Augmentation.AutoAugmentOperation;

namespace Neuromorph.Data.Augmentation;

/// <summary>
/// AutoAugment's policy for CIFAR-10 (Cubuk et al., "AutoAugment: Learning Augmentation Policies from Data",
/// CVPR 2019, appendix table of the policy found on reduced CIFAR-10): 25 sub-policies of two operations, each
/// with its probability and magnitude bin (0 to 9). Operations without a magnitude carry the bin the paper lists,
/// which is not used. Per sample, one sub-policy is drawn uniformly and its two operations run in order, each with
/// its probability.
/// </summary>
internal static class Cifar10Policy
{
    public static IReadOnlyList<(AutoAugmentStep First, AutoAugmentStep Second)> SubPolicies { get; } =
    [
        (new(Invert, 0.1, 7), new(Contrast, 0.2, 6)),
        (new(Rotate, 0.7, 2), new(TranslateX, 0.3, 9)),
        (new(Sharpness, 0.8, 1), new(Sharpness, 0.9, 3)),
        (new(ShearY, 0.5, 8), new(TranslateY, 0.7, 9)),
        (new(AutoContrast, 0.5, 8), new(Equalize, 0.9, 2)),
        (new(ShearY, 0.2, 7), new(Posterize, 0.3, 7)),
        (new(Color, 0.4, 3), new(Brightness, 0.6, 7)),
        (new(Sharpness, 0.3, 9), new(Brightness, 0.7, 9)),
        (new(Equalize, 0.6, 5), new(Equalize, 0.5, 1)),
        (new(Contrast, 0.6, 7), new(Sharpness, 0.6, 5)),
        (new(Color, 0.7, 7), new(TranslateX, 0.5, 8)),
        (new(Equalize, 0.3, 7), new(AutoContrast, 0.4, 8)),
        (new(TranslateY, 0.4, 3), new(Sharpness, 0.2, 6)),
        (new(Brightness, 0.9, 6), new(Color, 0.2, 8)),
        (new(Solarize, 0.5, 2), new(Invert, 0.0, 3)),
        (new(Equalize, 0.2, 0), new(AutoContrast, 0.6, 0)),
        (new(Equalize, 0.2, 8), new(Equalize, 0.6, 4)),
        (new(Color, 0.9, 9), new(Equalize, 0.6, 6)),
        (new(AutoContrast, 0.8, 4), new(Solarize, 0.2, 8)),
        (new(Brightness, 0.1, 3), new(Color, 0.7, 0)),
        (new(Solarize, 0.4, 5), new(AutoContrast, 0.9, 3)),
        (new(TranslateY, 0.9, 9), new(TranslateY, 0.7, 9)),
        (new(AutoContrast, 0.9, 2), new(Solarize, 0.8, 3)),
        (new(Equalize, 0.8, 8), new(Invert, 0.1, 3)),
        (new(TranslateY, 0.7, 9), new(AutoContrast, 0.9, 1)),
    ];
}

namespace Neuromorph.Data.Augmentation;

/// <summary>The image operations AutoAugment's policies are made of (Cubuk et al. 2019, Table 1).</summary>
internal enum AutoAugmentOperation
{
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
    Rotate,
    AutoContrast,
    Invert,
    Equalize,
    Solarize,
    Posterize,
    Contrast,
    Color,
    Brightness,
    Sharpness,
}

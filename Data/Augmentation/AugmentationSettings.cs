namespace Neuromorph.Data.Augmentation;

/// <summary>How training samples are augmented (<c>[data.augment]</c>); the defaults change nothing.</summary>
/// <param name="RandomCropPadding">p: crop a random image-sized window out of the image zero-padded by p pixels on
/// every side (a shift by up to p pixels each way); 0 = off.</param>
/// <param name="HorizontalFlip">Mirror left to right with probability ½.</param>
/// <param name="Cutout">The side of the square Cutout zeroes at a random centre; 0 = off.</param>
/// <param name="AutoAugment">The AutoAugment policy, or <see cref="Augmentation.AutoAugmentPolicy.None"/>.</param>
internal sealed record AugmentationSettings(
    int RandomCropPadding = 0,
    bool HorizontalFlip = false,
    int Cutout = 0,
    AutoAugmentPolicy AutoAugment = AutoAugmentPolicy.None)
{
    /// <summary>No augmentation.</summary>
    public static AugmentationSettings None { get; } = new();

    /// <summary>Whether any augmentation is on.</summary>
    public bool IsActive => RandomCropPadding > 0 || HorizontalFlip || Cutout > 0 || AutoAugment != AutoAugmentPolicy.None;
}

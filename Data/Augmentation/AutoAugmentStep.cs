namespace Neuromorph.Data.Augmentation;

/// <summary>One operation of a sub-policy: applied with <paramref name="Probability"/> at magnitude bin
/// <paramref name="Magnitude"/> (0 to 9; ignored by operations without a magnitude).</summary>
internal readonly record struct AutoAugmentStep(AutoAugmentOperation Operation, double Probability, int Magnitude);

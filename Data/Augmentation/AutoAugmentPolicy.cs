namespace Neuromorph.Data.Augmentation;

/// <summary>Which AutoAugment policy training samples go through (<c>data.augment.autoaugment</c>).</summary>
internal enum AutoAugmentPolicy
{
    /// <summary>No AutoAugment.</summary>
    None,

    /// <summary>The policy found on reduced CIFAR-10 (<see cref="Cifar10Policy"/>).</summary>
    Cifar10,
}

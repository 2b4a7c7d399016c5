using Neuromorph.Data.Augmentation;
using Tomlyn.Model;

namespace Neuromorph.Host.Configuration;

/// <summary>
/// The <c>[data.augment]</c> table: how training samples are augmented (test samples never are). Every key's default
/// turns its augmentation off.
/// </summary>
/// <param name="RandomCropPadding">p: a random image-sized crop of the image zero-padded by p pixels on every side; 0 = off.</param>
/// <param name="HorizontalFlip">Mirror each sample left to right with probability ½.</param>
/// <param name="Cutout">The side of the square Cutout zeroes at a random centre (clipped at the borders); 0 = off.</param>
/// <param name="Autoaugment">One of <see cref="KnownPolicies"/>: <c>none</c>, or <c>cifar10</c> for AutoAugment's CIFAR-10 policy.</param>
internal sealed record AugmentSection(
    int RandomCropPadding = 0,
    bool HorizontalFlip = false,
    int Cutout = 0,
    string Autoaugment = AugmentSection.NoPolicy)
{
    /// <summary>The value of <c>autoaugment</c> that turns it off.</summary>
    public const string NoPolicy = "none";

    /// <summary>The dotted name of the table, for messages.</summary>
    public const string TablePath = "data.augment";

    /// <summary>The valid values of <c>data.augment.autoaugment</c>.</summary>
    public static IReadOnlyList<string> KnownPolicies { get; } = [NoPolicy, "cifar10"];

    /// <summary>The engine's settings for these values (which the validator has checked).</summary>
    public AugmentationSettings ToSettings() => new(
        RandomCropPadding,
        HorizontalFlip,
        Cutout,
        Autoaugment == "cifar10" ? AutoAugmentPolicy.Cifar10 : AutoAugmentPolicy.None);

    /// <summary>Binds the table as written.</summary>
    /// <exception cref="ConfigurationException">An unknown key or a value of the wrong type.</exception>
    public static AugmentSection Bind(TomlTable? written) => OptionsBinder.Bind<AugmentSection>(written, TablePath);

    /// <summary>
    /// The table with every key, the written values and the defaults of the others, so the effective configuration
    /// lists them all; a table that does not bind is kept as written (the validator reports why).
    /// </summary>
    public static TomlTable Complete(TomlTable? written)
    {
        try
        {
            return OptionsBinder.Render(Bind(written));
        }
        catch (ConfigurationException)
        {
            return written ?? [];
        }
    }
}

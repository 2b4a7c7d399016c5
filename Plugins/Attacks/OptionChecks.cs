using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Attacks;

/// <summary>Range checks for attack options; each failure names the TOML key, the allowed range and the value got.</summary>
internal static class OptionChecks
{
    /// <exception cref="PluginOptionsException"><paramref name="value"/> is negative or not finite.</exception>
    public static double NonNegative(double value, string key, string meaning) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new PluginOptionsException(key, $"{key} ({meaning}) must be a finite number ≥ 0; got {value}.");

    /// <exception cref="PluginOptionsException"><paramref name="value"/> is not positive or not finite.</exception>
    public static double Positive(double value, string key, string meaning) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new PluginOptionsException(key, $"{key} ({meaning}) must be a finite number > 0; got {value}.");

    /// <exception cref="PluginOptionsException"><paramref name="value"/> is outside (0, 1].</exception>
    public static double Fraction(double value, string key, string meaning) =>
        double.IsFinite(value) && value > 0 && value <= 1
            ? value
            : throw new PluginOptionsException(key, $"{key} ({meaning}) must be a number in (0, 1]; got {value}.");

    /// <exception cref="PluginOptionsException"><paramref name="value"/> is below 1.</exception>
    public static int AtLeastOne(int value, string key, string meaning) =>
        value >= 1
            ? value
            : throw new PluginOptionsException(key, $"{key} ({meaning}) must be an integer ≥ 1; got {value}.");

    /// <summary>The check every attack applies to <c>eot_samples</c>.</summary>
    public static int EotSamples(int value) =>
        AtLeastOne(value, "eot_samples", "forward/backward passes averaged per gradient, for stochastic encodings");

    /// <summary>The check every L∞ attack applies to <c>epsilon</c>.</summary>
    public static double Epsilon(double value) =>
        NonNegative(value, "epsilon", "the L∞ budget, in pixel units of [0, 1]");
}

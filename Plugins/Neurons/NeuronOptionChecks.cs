using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// Checks of the options the neurons share (threshold, reset, τ), each throwing a
/// <see cref="PluginOptionsException"/> that names the key as written in TOML.
/// </summary>
internal static class NeuronOptionChecks
{
    /// <summary>θ must be a positive finite number.</summary>
    public static double Threshold(double threshold, string key = "threshold") =>
        double.IsFinite(threshold) && threshold > 0
            ? threshold
            : throw new PluginOptionsException(
                key, $"{key} must be a positive number (the membrane potential at which the neuron fires); got {threshold}.");

    /// <summary>The reset mode must be one of <see cref="ResetMode"/>'s values.</summary>
    public static ResetMode Reset(ResetMode reset) =>
        Enum.IsDefined(reset) ? reset : throw new PluginOptionsException("reset", $"reset must be 'soft' or 'hard'; got {reset}.");

    /// <summary>
    /// τ ≥ 1 and finite: the membrane keeps the fraction 1 − 1/τ of its potential each step, so τ &lt; 1 would
    /// make that negative (an oscillating, not leaking, membrane).
    /// </summary>
    public static double Tau(double tau, string key = "tau") =>
        double.IsFinite(tau) && tau >= 1
            ? tau
            : throw new PluginOptionsException(
                key, $"{key} must be a finite number ≥ 1 (the membrane keeps 1 − 1/{key} of its potential each step); got {tau}.");

    /// <summary>A finite number in [<paramref name="lower"/>, <paramref name="upper"/>), for rates and decay factors.</summary>
    public static double InRange(double value, string key, double lower, double upper, string meaning) =>
        double.IsFinite(value) && value >= lower && value < upper
            ? value
            : throw new PluginOptionsException(key, $"{key} must be a number in [{lower}, {upper}) ({meaning}); got {value}.");

    /// <summary>A finite number ≥ 0.</summary>
    public static double NonNegative(double value, string key, string meaning) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new PluginOptionsException(key, $"{key} must be a finite number ≥ 0 ({meaning}); got {value}.");
}

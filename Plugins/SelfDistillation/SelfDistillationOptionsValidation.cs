using Neuromorph.Abstractions;

namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>Checks <see cref="SelfDistillationOptions"/> against each other and the run's T, before any training.</summary>
internal static class SelfDistillationOptionsValidation
{
    /// <exception cref="PluginOptionsException">An option is out of range or T is too small for the variant.</exception>
    public static void Validate(SelfDistillationOptions options, int timesteps)
    {
        if (!double.IsFinite(options.Temperature) || options.Temperature <= 0)
            throw new PluginOptionsException(
                "temperature", $"temperature (α) must be a finite number > 0 (the KL compares softmax(o / α)); got {options.Temperature}.");
        if (!double.IsFinite(options.Weight) || options.Weight < 0)
            throw new PluginOptionsException(
                "weight", $"weight (λ) must be a finite number ≥ 0 (the loss is CE + λ·D); got {options.Weight}.");
        RequireDefined(options.Variant, "variant");
        RequireDefined(options.Confidence, "confidence");
        RequireDefined(options.EnsembleOver, "ensemble_over");
        RequireDefined(options.EnsembleStudent, "ensemble_student");

        var needed = VariantDivergence.MinimumTimesteps(options.Variant);
        if (timesteps < needed)
        {
            var alternative = needed > 2 ? ", or choose a variant that needs only 2 ('one-to-one', 'simultaneous')" : "";
            throw new PluginOptionsException(
                "variant",
                $"variant {OptionSpelling.Of(options.Variant)} needs at least {needed} timesteps, but the model runs " +
                $"T = {timesteps}; set model.timesteps to {needed} or more{alternative}.");
        }
    }

    private static void RequireDefined<TEnum>(TEnum value, string key)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            var members = string.Join(", ", Enum.GetValues<TEnum>().Select(member => OptionSpelling.Of(member)));
            throw new PluginOptionsException(key, $"{key} must be one of {members}; got {value}.");
        }
    }
}

namespace Neuromorph.Engine.Surrogates;

/// <summary>Checks shared by the surrogates' constructors.</summary>
internal static class SurrogateParameters
{
    public static void EnsurePositiveFinite(double value, string surrogate, string parameter)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(value), value,
                $"The '{surrogate}' surrogate's {parameter} must be a positive finite number; got {value}.");
    }
}

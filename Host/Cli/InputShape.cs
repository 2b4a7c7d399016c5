using System.CommandLine;
using System.Globalization;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Cli;

/// <summary>Reads <c>--input 3x32x32</c>: one sample's shape, channels × height × width, each a whole number ≥ 1.</summary>
internal static class InputShape
{
    /// <summary>The shape <c>[C, H, W]</c>.</summary>
    /// <exception cref="ConfigurationException">Not three whole numbers ≥ 1 joined by 'x'.</exception>
    public static long[] Parse(string text)
    {
        var parts = text.Split('x');
        var shape = parts
            .Select(part => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0)
            .ToArray();
        return shape.Length == 3 && shape.All(size => size >= 1)
            ? shape
            : throw new ConfigurationException(
                $"--input '{text}' is not a sample shape: give channels x height x width as whole numbers >= 1, e.g. --input 3x32x32.");
    }

    /// <summary><c>--input CxHxW</c> with <paramref name="defaultValue"/>, checked by <see cref="Parse"/> (a usage error otherwise).</summary>
    public static Option<string> Option(string defaultValue)
    {
        var input = new Option<string>("--input")
        {
            Description = $"One sample's shape, channels x height x width (default {defaultValue}).",
            DefaultValueFactory = _ => defaultValue,
        };
        input.Validators.Add(result =>
        {
            try
            {
                Parse(result.GetValueOrDefault<string>() ?? "");
            }
            catch (ConfigurationException exception)
            {
                result.AddError(exception.Message);
            }
        });
        return input;
    }
}

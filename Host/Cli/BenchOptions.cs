using System.CommandLine;

namespace Neuromorph.Host.Cli;

/// <summary>Options the <c>bench</c> sub-commands share.</summary>
internal static class BenchOptions
{
    /// <summary>An integer option with a default that must be at least <paramref name="minimum"/> (else a usage error).</summary>
    public static Option<int> AtLeast(string name, int minimum, int defaultValue, string description)
    {
        var option = new Option<int>(name) { Description = $"{description} (default {defaultValue}).", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum) result.AddError($"{name} must be >= {minimum}, got {value}.");
        });
        return option;
    }

    /// <summary><c>--threads N</c> (≥ 1, default 2): the intra-op threads, the same on both sides of a comparison.</summary>
    public static Option<int> Threads() => AtLeast("--threads", 1, 2, "Intra-op threads");
}

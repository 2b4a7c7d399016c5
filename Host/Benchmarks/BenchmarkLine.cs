using System.Text.Json;

namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// Writes one measurement as one line of JSON, keys in snake case (<c>train_samples_per_s</c>), in the record's
/// declaration order. The PyTorch reference in <c>bench/pytorch/</c> prints the same keys.
/// </summary>
internal static class BenchmarkLine
{
    /// <summary>The value of the <c>framework</c> key on Neuromorph's lines.</summary>
    public const string Framework = "neuromorph";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    public static void Write<T>(TextWriter output, T measurement)
    {
        output.WriteLine(JsonSerializer.Serialize(measurement, Options));
        output.Flush();
    }

    /// <summary>Rounds a figure for printing: three decimals are below any timing noise.</summary>
    public static double Round(double value) => Math.Round(value, 3);

    /// <summary>A step's mean milliseconds per phase, keyed by the phase's name (<c>forward</c>), rounded; phases it never entered are left out.</summary>
    public static IReadOnlyDictionary<string, double> Phases(Engine.Training.StepPhaseTimes phases) =>
        phases.MeanMilliseconds().Where(phase => phase.Value > 0)
            .ToDictionary(phase => Engine.Training.StepPhaseTimes.NameOf(phase.Key), phase => Round(phase.Value));
}

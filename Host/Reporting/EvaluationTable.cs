using System.Globalization;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// Prints an evaluation as a table: the mean-over-T prediction, the prediction with the first k timesteps
/// for every k, and each early-exit threshold, each with its accuracy and the timesteps it used.
/// </summary>
internal static class EvaluationTable
{
    private const int LabelWidth = 26;

    public static void Write(TextWriter output, string title, int trainedTimesteps, EvaluationResult result)
    {
        var simulated = result.Timesteps;
        output.WriteLine($"{title} on {result.Samples} test images");
        output.WriteLine($"  {"prediction",-LabelWidth}  accuracy  timesteps");
        var mean = simulated == trainedTimesteps
            ? $"mean over T = {simulated}"
            : $"mean over k = {simulated} of T = {trainedTimesteps}";
        Row(output, mean, result.Accuracy, simulated.ToString(CultureInfo.InvariantCulture));
        for (var k = 1; k <= simulated; k++)
            Row(output, $"first {k} timestep{(k == 1 ? "" : "s")}", result.AccuracyAtTimesteps[k - 1], k.ToString(CultureInfo.InvariantCulture));
        foreach (var exit in result.EarlyExit)
            Row(output, string.Create(CultureInfo.InvariantCulture, $"early exit θ = {exit.Threshold:0.####}"), exit.Accuracy,
                exit.MeanTimesteps.ToString("F2", CultureInfo.InvariantCulture));
    }

    private static void Row(TextWriter output, string label, double accuracy, string timesteps) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-LabelWidth}  {accuracy,8:F4}  {timesteps,9}"));
}

using System.Globalization;

namespace Neuromorph.Host.Reporting;

/// <summary>Prints a robustness evaluation: clean accuracy, each attack's, and the worst case per ε.</summary>
internal static class RobustnessTable
{
    public static void Write(TextWriter output, string title, RobustnessReport report)
    {
        output.WriteLine($"{title} on {report.Samples} test images");
        output.WriteLine($"  {"attack",-16}  {"epsilon",-9}  {"surrogate",-26}  accuracy  {"max |d|inf",10}  {"time",8}");
        Row(output, "clean", "-", "-", report.CleanAccuracy, "-", "-");
        foreach (var attack in report.Attacks)
        {
            var accuracy = attack.Error is null ? attack.Accuracy : double.NaN;
            Row(output, attack.Name, Budget(attack.Epsilon), attack.Surrogate, accuracy,
                attack.Error is null ? attack.MaxLinf.ToString("F4", CultureInfo.InvariantCulture) : "failed",
                string.Create(CultureInfo.InvariantCulture, $"{attack.Seconds:F1} s"));
        }
        foreach (var worst in report.WorstCase)
            Row(output, "worst case", Budget(worst.Epsilon), $"over {worst.Attacks.Count} attack{(worst.Attacks.Count == 1 ? "" : "s")}", worst.Accuracy, "-", "-");
    }

    /// <summary>ε as a multiple of 1/255 when it is one (8/255), otherwise as a number.</summary>
    public static string Budget(double? epsilon)
    {
        if (epsilon is not { } value) return "-";
        var levels = value * 255;
        return Math.Abs(levels - Math.Round(levels)) < 1e-6
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(levels):0}/255")
            : value.ToString("G4", CultureInfo.InvariantCulture);
    }

    private static void Row(TextWriter output, string attack, string epsilon, string surrogate, double accuracy, string maxLinf, string time) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {attack,-16}  {epsilon,-9}  {surrogate,-26}  {(double.IsNaN(accuracy) ? "-" : accuracy.ToString("F4", CultureInfo.InvariantCulture)),8}  {maxLinf,10}  {time,8}"));
}

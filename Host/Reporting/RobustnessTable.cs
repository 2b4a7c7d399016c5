using System.Globalization;
using Neuromorph.Abstractions;

namespace Neuromorph.Host.Reporting;

/// <summary>Prints a robustness evaluation: clean accuracy, each attack's, and the worst case per (norm, ε).</summary>
internal static class RobustnessTable
{
    public static void Write(TextWriter output, string title, RobustnessReport report)
    {
        output.WriteLine($"{title} on {report.Samples} test images");
        output.WriteLine($"  {"attack",-16}  {"budget",-12}  {"surrogate",-26}  accuracy  {"max |d|inf",10}  {"max |d|2",10}  {"time",8}");
        Row(output, "clean", "-", "-", report.CleanAccuracy, "-", "-", "-");
        foreach (var attack in report.Attacks)
        {
            var failed = attack.Error is not null;
            Row(output, attack.Name, Budget(attack.Norm, attack.Epsilon), attack.Surrogate, failed ? double.NaN : attack.Accuracy,
                failed ? "failed" : Distance(attack.MaxLinf), failed ? "failed" : Distance(attack.MaxL2),
                string.Create(CultureInfo.InvariantCulture, $"{attack.Seconds:F1} s"));
        }
        foreach (var worst in report.WorstCase)
        {
            var over = worst.Attacks.Count == 1 ? $"over {worst.Attacks[0]}" : $"over {worst.Attacks.Count} attacks";
            Row(output, "worst case", Budget(worst.Norm, worst.Epsilon), over, worst.Accuracy, "-", "-", "-");
        }
    }

    /// <summary>
    /// A budget with its norm named: an L∞ ε of [0, 1] images as a multiple of 1/255 when it is one (<c>Linf 8/255</c>),
    /// any other as a number (<c>L2 1</c>, <c>Linf 0.03</c>); the norm alone when ε is unknown.
    /// </summary>
    public static string Budget(PerturbationNorm norm, double? epsilon)
    {
        if (epsilon is not { } value) return norm.ToString();
        var levels = value * 255;
        var grey = norm == PerturbationNorm.Linf && value <= 1 && Math.Abs(levels - Math.Round(levels)) < 1e-6;
        return grey
            ? string.Create(CultureInfo.InvariantCulture, $"{norm} {Math.Round(levels):0}/255")
            : string.Create(CultureInfo.InvariantCulture, $"{norm} {value:G4}");
    }

    private static string Distance(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static void Row(
        TextWriter output, string attack, string budget, string surrogate, double accuracy, string maxLinf, string maxL2, string time) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {attack,-16}  {budget,-12}  {surrogate,-26}  {(double.IsNaN(accuracy) ? "-" : accuracy.ToString("F4", CultureInfo.InvariantCulture)),8}  {maxLinf,10}  {maxL2,10}  {time,8}"));
}

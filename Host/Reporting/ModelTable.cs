using System.Globalization;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// Prints the <c>models</c> listing: one line per architecture (name, base width, parameter count, description), then
/// why each model that cannot take the input cannot.
/// </summary>
internal static class ModelTable
{
    public static void Write(TextWriter output, string heading, IReadOnlyList<ModelTableRow> rows)
    {
        output.WriteLine(heading);
        var nameWidth = Math.Max("model".Length, rows.Max(r => r.Name.Length));
        output.WriteLine($"{"model".PadRight(nameWidth)}  {"width",5}  {"parameters",12}  description");
        foreach (var row in rows)
        {
            var width = row.Width?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var parameters = row.Parameters?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
            output.WriteLine($"{row.Name.PadRight(nameWidth)}  {width,5}  {parameters,12}  {row.Description}");
        }
        foreach (var row in rows.Where(r => r.InputProblem is not null))
            output.WriteLine($"{row.Name}: not for this input: {row.InputProblem}.");
    }
}

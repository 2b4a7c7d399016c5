using System.Text;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>results.csv read back: each row's cells by column name, found by group and metric.</summary>
internal sealed class ResultsCsvFile
{
    private ResultsCsvFile(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    public static ResultsCsvFile Read(string path)
    {
        var lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Cells).ToArray();
        var header = lines[0];
        foreach (var line in lines) line.Should().HaveCount(header.Count, "every row has a cell per column");
        return new ResultsCsvFile(header, lines.Skip(1).Select(cells => (IReadOnlyDictionary<string, string>)header.Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToArray());
    }

    /// <summary>The row of <paramref name="group"/> and <paramref name="metric"/> from <paramref name="source"/>.</summary>
    public IReadOnlyDictionary<string, string> Row(string group, string metric, string source = "summary.json") =>
        Rows.Single(r => r["group"] == group && r["metric"] == metric && r["source"] == source);

    public double Number(string group, string metric, string column, string source = "summary.json") =>
        double.Parse(Row(group, metric, source)[column], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One line's cells (RFC 4180: a quoted cell may hold commas and doubled quotes; no line breaks here).</summary>
    private static IReadOnlyList<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

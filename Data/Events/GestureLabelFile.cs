using System.Globalization;

namespace Neuromorph.Data.Events;

/// <summary>
/// The <c>&lt;recording&gt;_labels.csv</c> files of DVS128 Gesture: a header line
/// <c>class,startTime_usec,endTime_usec</c>, then one line per gesture with its class (1 to 11) and the time span
/// it occupies in the recording. Gestures may overlap (the release has a few) and repeat a class.
/// </summary>
internal static class GestureLabelFile
{
    public const string HeaderLine = "class,startTime_usec,endTime_usec";

    /// <summary>The number of gesture classes.</summary>
    public const int ClassCount = 11;

    /// <summary>Reads the gestures of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="DataException">The file cannot be read, lacks the header, or has a malformed line, a class
    /// outside 1..11, a span that ends before it starts, or no gesture at all.</exception>
    public static IReadOnlyList<GestureLabel> Read(string path) => Parse(EventFiles.ReadAllLines(path), path);

    /// <inheritdoc cref="Read"/>
    public static IReadOnlyList<GestureLabel> Parse(IReadOnlyList<string> lines, string fileName)
    {
        var first = lines.Select((line, index) => (Line: line.Trim(), Index: index)).FirstOrDefault(l => l.Line.Length > 0);
        if (first.Line is null || first.Line.Replace(" ", "") != HeaderLine)
            throw new DataException(
                $"'{fileName}' is not a DVS128 Gesture label file: its first line should be '{HeaderLine}' but is "
                + (first.Line is null ? "missing (the file is empty)." : $"'{first.Line}'."));
        var labels = new List<GestureLabel>();
        for (var i = first.Index + 1; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var where = $"'{fileName}' line {i + 1}";
            var fields = line.Split(',');
            if (fields.Length != 3 || !fields.All(field => long.TryParse(field.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                throw new DataException($"{where} is '{line}', not three non-negative integers class,startTime_usec,endTime_usec.");
            var values = fields.Select(field => long.Parse(field.Trim(), NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
            if (values[0] is < 1 or > ClassCount)
                throw new DataException($"{where} has the unknown label {values[0]}: DVS128 Gesture classes are 1 to {ClassCount}.");
            if (values[2] <= values[1])
                throw new DataException($"{where} ends at {values[2]} µs, not after its start at {values[1]} µs.");
            labels.Add(new GestureLabel((int)values[0] - 1, values[1], values[2]));
        }
        if (labels.Count == 0)
            throw new DataException($"'{fileName}' labels no gesture: it holds only the header.");
        return labels;
    }
}

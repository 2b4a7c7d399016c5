using System.Text;

namespace Neuromorph.Host.Sweeps;

/// <summary>A writer that passes everything on to <paramref name="inner"/> and keeps the last line starting with <c>error:</c>.</summary>
internal sealed class LastErrorLine(TextWriter inner) : TextWriter
{
    private readonly StringBuilder line = new();

    public string? Last { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        inner.Write(value);
        if (value == '\n') EndLine();
        else if (value != '\r') line.Append(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "") Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush() => inner.Flush();

    private void EndLine()
    {
        var text = line.ToString();
        if (text.StartsWith("error:", StringComparison.Ordinal)) Last = text;
        line.Clear();
    }
}

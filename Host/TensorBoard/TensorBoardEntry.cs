namespace Neuromorph.Host.TensorBoard;

/// <summary>One value for TensorBoard under <paramref name="Tag"/> at <paramref name="Step"/>: a scalar, or a text entry.</summary>
/// <param name="Tag">The tag as given to the writer.</param>
/// <param name="Step">The global iteration the value belongs to.</param>
/// <param name="Value">The scalar (written as a 32-bit float); unused for a text entry.</param>
/// <param name="Text">The text (Markdown) of a text entry; null for a scalar.</param>
internal sealed record TensorBoardEntry(string Tag, long Step, double Value, string? Text = null)
{
    /// <summary>What TorchSharp's writer appends to a text entry's tag (as PyTorch's does), for TensorBoard's text plugin.</summary>
    public const string TextTagSuffix = "/text_summary";

    /// <summary>The tag as the event file holds it.</summary>
    public string StoredTag => Text is null ? Tag : Tag + TextTagSuffix;

    public static TensorBoardEntry Scalar(string tag, long step, double value) => new(tag, step, value);

    public static TensorBoardEntry TextEntry(string tag, long step, string text) => new(tag, step, 0, text);
}

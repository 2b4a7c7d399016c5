namespace Neuromorph.Data;

/// <summary>Lookup tables from a stored byte to the network input it stands for.</summary>
internal static class ByteScales
{
    /// <summary>Pixels: value / 255, in [0, 1].</summary>
    public static float[] UnitInterval { get; } = Enumerable.Range(0, 256).Select(value => value / 255f).ToArray();

    /// <summary>Event counts: the value itself (0 to 255).</summary>
    public static float[] Counts { get; } = Enumerable.Range(0, 256).Select(value => (float)value).ToArray();
}

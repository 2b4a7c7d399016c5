using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>
/// The literal logits o(t) [T = 4, B = 3, M = 5] the tests distil. By max probability (and by the other two
/// metrics) the timesteps rank 2, 0, 3, 1: t_s = 2, t_w = 1, and the ranking is not the index order.
/// </summary>
internal static class FixedLogits
{
    public static readonly double[,,] Values =
    {
        {
            { 1.2, -0.3, 0.5, 2.0, -1.1 },
            { 0.1, 0.8, -0.6, 0.3, 1.5 },
            { -0.9, 0.4, 1.9, -0.2, 0.0 },
        },
        {
            { 0.3, 0.1, -0.2, 0.6, 0.0 },
            { 0.5, -0.4, 0.2, 0.1, 0.7 },
            { 0.0, 0.3, 0.4, -0.1, 0.2 },
        },
        {
            { 2.5, -1.0, 0.3, 3.1, -2.0 },
            { -0.5, 1.7, -1.2, 0.4, 2.9 },
            { -1.6, 0.2, 3.4, -0.7, -0.3 },
        },
        {
            { 0.9, 0.2, 0.4, 1.4, -0.5 },
            { 0.6, 1.1, -0.3, 0.0, 0.8 },
            { -0.4, 1.3, 1.0, 0.1, 0.5 },
        },
    };

    public const int Strong = 2;
    public const int Weak = 1;
    public static readonly int[] Descending = [2, 0, 3, 1];

    /// <summary>The logits as a float32 tensor [T, B, M].</summary>
    public static Tensor AsTensor(double[,,] values)
    {
        var flat = new float[values.Length];
        var i = 0;
        foreach (var value in values) flat[i++] = (float)value;
        return tensor(flat).reshape(values.GetLength(0), values.GetLength(1), values.GetLength(2));
    }

    /// <summary>A [T', B, M] array made of the listed timesteps of <see cref="Values"/>, in that order.</summary>
    public static double[,,] Timesteps(params int[] timesteps)
    {
        var result = new double[timesteps.Length, Values.GetLength(1), Values.GetLength(2)];
        for (var t = 0; t < timesteps.Length; t++)
            for (var b = 0; b < Values.GetLength(1); b++)
                for (var c = 0; c < Values.GetLength(2); c++)
                    result[t, b, c] = Values[timesteps[t], b, c];
        return result;
    }
}

namespace Neuromorph.Data.Events;

/// <summary>
/// The camera motion N-MNIST was recorded with (Orchard et al. 2015): three straight saccades of equal
/// duration around a triangle, ending where they started. With amplitude a the image is displaced by
/// (0, −2a/3) → (a/2, a/3) → (−a/2, a/3) → (0, −2a/3) pixels (an isosceles triangle centred on the image,
/// sides about a long: down-right, left, up-right), moving at constant speed along each side.
/// </summary>
internal sealed class SaccadeMotion(double amplitude, int saccadeMicroseconds)
{
    private readonly (double X, double Y)[] corners =
    [
        (0, -2 * amplitude / 3), (amplitude / 2, amplitude / 3), (-amplitude / 2, amplitude / 3),
    ];

    /// <summary>The whole motion's duration: three saccades.</summary>
    public long Duration => 3L * saccadeMicroseconds;

    /// <summary>The image's displacement in pixels at <paramref name="microseconds"/> (clamped to the motion).</summary>
    public (double X, double Y) Displacement(long microseconds)
    {
        var time = Math.Clamp(microseconds, 0, Duration);
        var saccade = (int)Math.Min(time / saccadeMicroseconds, 2);
        var fraction = (double)(time - (long)saccade * saccadeMicroseconds) / saccadeMicroseconds;
        var from = corners[saccade];
        var to = corners[(saccade + 1) % 3];
        return (from.X + fraction * (to.X - from.X), from.Y + fraction * (to.Y - from.Y));
    }
}

using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Surrogates;

/// <summary>The built-in surrogate gradients, by the name configuration files use.</summary>
internal static class SurrogateGradients
{
    private static readonly (string Name, double DefaultAlpha, Func<double, ISurrogateGradient> Create)[] Known =
    [
        (RectangularSurrogate.SurrogateName, RectangularSurrogate.DefaultWidth, a => new RectangularSurrogate(a)),
        (AtanSurrogate.SurrogateName, AtanSurrogate.DefaultAlpha, alpha => new AtanSurrogate(alpha)),
        (SigmoidSurrogate.SurrogateName, SigmoidSurrogate.DefaultAlpha, alpha => new SigmoidSurrogate(alpha)),
        (TriangleSurrogate.SurrogateName, TriangleSurrogate.DefaultAlpha, alpha => new TriangleSurrogate(alpha)),
        (FastSigmoidSurrogate.SurrogateName, FastSigmoidSurrogate.DefaultAlpha, alpha => new FastSigmoidSurrogate(alpha)),
    ];

    /// <summary>
    /// The names <see cref="Create"/> accepts: <c>rectangular</c>, <c>atan</c>, <c>sigmoid</c>, <c>triangle</c>,
    /// <c>fast-sigmoid</c>. The host validates <c>neuron.surrogate</c> and an attack's <c>surrogate</c> against this list.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Known.Select(k => k.Name).ToArray());

    /// <summary>
    /// The surrogate called <paramref name="name"/> (case-insensitive). <paramref name="alpha"/> is its
    /// shape parameter: the window width a for <c>rectangular</c> (default 1), the sharpness α for
    /// <c>atan</c> (default 2), <c>sigmoid</c> (default 4), <c>triangle</c> (default 1: half-width 1/α, peak α)
    /// and <c>fast-sigmoid</c> (default 10); zero or a negative value selects the default.
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, or alpha is not a finite number.</exception>
    public static ISurrogateGradient Create(string name, double alpha = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var known in Known)
        {
            if (string.Equals(known.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
                return known.Create(alpha <= 0 ? known.DefaultAlpha : alpha);
        }
        throw new ArgumentException(
            $"Unknown surrogate gradient '{name}'. Known surrogates: {string.Join(", ", Names)}.", nameof(name));
    }
}

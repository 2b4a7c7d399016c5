namespace Neuromorph.Data;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014; the reference C code by Sebastiano Vigna): a 64-bit generator
/// fully specified here, so a seed gives the same numbers on every platform and .NET version, unlike
/// <see cref="Random"/>. Seed 0 yields 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, ...
/// </summary>
internal struct SplitMix64(ulong state)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong state = state;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>): rejects draws below 2^64 mod bound, then
    /// reduces modulo bound, so every value is equally likely.
    /// </summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var threshold = (0 - bound) % bound;
        while (true)
        {
            var draw = Next();
            if (draw >= threshold)
                return draw % bound;
        }
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of the next draw, times 2^-53.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>The SplitMix64 output function (a bijective 64-bit finaliser).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}

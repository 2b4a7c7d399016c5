using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// An attack's own random numbers (random starts, noise), from a generator seeded with the run's seed, so two
/// identical runs perturb identically. Numbers are drawn on the CPU and moved to the inputs' device, so the
/// stream does not depend on the device. Created lazily: constructing a plugin touches no native code.
/// </summary>
internal sealed class AttackRandomness(long seed)
{
    private Generator? generator;

    /// <summary>Uniform numbers in [0, 1), shaped, typed and placed like <paramref name="like"/>.</summary>
    public Tensor Uniform(Tensor like) =>
        rand(like.shape, dtype: like.dtype, generator: Generator).to(like.device);

    /// <summary>Standard normal numbers, shaped, typed and placed like <paramref name="like"/>.</summary>
    public Tensor Normal(Tensor like) =>
        randn(like.shape, dtype: like.dtype, generator: Generator).to(like.device);

    private Generator Generator => generator ??= new Generator(unchecked((ulong)seed));
}

using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>A surrogate that forwards to another and records how it was called.</summary>
internal sealed class CountingSurrogate(ISurrogateGradient inner) : ISurrogateGradient
{
    public string Name => inner.Name;

    public int SpikeCalls { get; private set; }

    /// <summary>Shape and requires_grad of every argument <see cref="Derivative"/> received.</summary>
    public List<(long[] Shape, bool RequiresGrad)> DerivativeArguments { get; } = [];

    public Tensor Spike(Tensor x)
    {
        SpikeCalls++;
        return inner.Spike(x);
    }

    public Tensor Derivative(Tensor x)
    {
        DerivativeArguments.Add((x.shape, x.requires_grad));
        return inner.Derivative(x);
    }
}

using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Surrogates;

/// <summary>
/// A surrogate gradient whose implementation can be swapped while a model is in use: the neurons hold this
/// instance, and the engine (or an attack wanting a sharper surrogate) changes <see cref="Current"/>.
/// A spike is differentiated with the surrogate that was current when its forward pass ran, so a swap
/// never changes the gradient of a graph that already exists. Swap between forward passes.
/// </summary>
internal sealed class AdjustableSurrogate : ISurrogateGradient
{
    private volatile ISurrogateGradient current;

    /// <summary>Starts with <paramref name="initial"/> as the current surrogate.</summary>
    public AdjustableSurrogate(ISurrogateGradient initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        current = initial;
    }

    /// <summary>The surrogate that the next <see cref="Spike"/> and <see cref="Derivative"/> calls use.</summary>
    public ISurrogateGradient Current
    {
        get => current;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (ReferenceEquals(value, this))
                throw new ArgumentException("An adjustable surrogate cannot delegate to itself.", nameof(value));
            current = value;
        }
    }

    /// <summary>The current surrogate's name.</summary>
    public string Name => current.Name;

    /// <inheritdoc />
    public Tensor Spike(Tensor x) => current.Spike(x);

    /// <inheritdoc />
    public Tensor Derivative(Tensor x) => current.Derivative(x);

    /// <summary>
    /// Makes <paramref name="replacement"/> current until the returned handle is disposed, which restores
    /// the surrogate that was current before: <c>using (surrogate.Use(sharper)) { ... }</c>.
    /// </summary>
    public IDisposable Use(ISurrogateGradient replacement)
    {
        var previous = current;
        Current = replacement;
        return new Restore(this, previous);
    }

    public override string ToString() => $"adjustable({current.Name})";

    private sealed class Restore(AdjustableSurrogate owner, ISurrogateGradient previous) : IDisposable
    {
        private bool restored;

        public void Dispose()
        {
            if (restored)
                return;
            restored = true;
            owner.Current = previous;
        }
    }
}

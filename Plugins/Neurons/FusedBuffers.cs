using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The tensors of one block of t timesteps of a fused forward pass, all contiguous <c>[t, ...]</c> of the inputs'
/// element type except <see cref="SpikeBytes"/> (uint8). The optional ones are written only when the backward
/// pass needs them.
/// </summary>
/// <param name="Inputs">X(t), read.</param>
/// <param name="Spikes">S(t) ∈ {0, 1}, written.</param>
/// <param name="SurrogateArgument">H(t) − θ, written when not null.</param>
/// <param name="SpikeBytes">S(t) as bytes, written when not null.</param>
/// <param name="DecayArgument">X(t) − V(t−1), written when not null (a learnable decay's gradient needs it).</param>
internal sealed record ForwardBuffers(
    Tensor Inputs,
    Tensor Spikes,
    Tensor? SurrogateArgument,
    Tensor? SpikeBytes,
    Tensor? DecayArgument);

/// <summary>
/// The tensors of one block of t timesteps of a fused backward pass: contiguous <c>[t, ...]</c> except
/// <see cref="DecayGradient"/>, one accumulator per element of a timestep (<c>[N]</c>) for the whole sequence.
/// </summary>
/// <param name="SpikeGradient">dL/dS(t) from the layers above, read.</param>
/// <param name="Derivative">The surrogate derivative at H(t) − θ, read.</param>
/// <param name="SurrogateArgument">H(t) − θ, read for a hard reset that is not detached.</param>
/// <param name="SpikeBytes">S(t), read for a hard reset that is detached.</param>
/// <param name="DecayArgument">X(t) − V(t−1), read for a learnable decay.</param>
/// <param name="InputGradient">dL/dX(t), written.</param>
/// <param name="DecayGradient">Σₜ dL/dH(t)·(X(t) − V(t−1)) per element, accumulated into (zero it first).</param>
internal sealed record BackwardBuffers(
    Tensor SpikeGradient,
    Tensor Derivative,
    Tensor? SurrogateArgument,
    Tensor? SpikeBytes,
    Tensor? DecayArgument,
    Tensor InputGradient,
    Tensor? DecayGradient);

/// <summary>What the fused forward pass keeps for the backward pass (see <see cref="FusedThresholdFunction"/>).</summary>
/// <param name="Derivative">g(t) = surrogate derivative at H(t) − θ, <c>[T, ...]</c>; always kept.</param>
/// <param name="SurrogateArgument">H(t) − θ, kept only for a hard reset that is not detached.</param>
/// <param name="SpikeBytes">S(t) as uint8, kept only for a hard reset that is detached.</param>
/// <param name="DecayArgument">X(t) − V(t−1), kept only when a learnable decay needs its gradient.</param>
internal sealed record SavedForBackward(Tensor Derivative, Tensor? SurrogateArgument, Tensor? SpikeBytes, Tensor? DecayArgument);

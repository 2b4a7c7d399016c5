using static TorchSharp.torch;

namespace Neuromorph.Plugins.Neurons;

/// <summary>
/// The reset after firing, shared by the neurons that charge in their own way: soft V = H − θ·S or hard
/// V = H·(1 − S), with S cut from the gradient when the reset is detached.
/// </summary>
internal static class MembraneReset
{
    /// <summary>The spikes as the reset sees them: <paramref name="spikes"/>, detached from the graph when asked.</summary>
    public static Tensor Spikes(Tensor spikes, bool detach) => detach ? spikes.detach() : spikes;

    /// <summary>V(t) from H(t) and S(t) with a fixed threshold θ.</summary>
    public static Tensor Apply(Tensor charged, Tensor spikes, double threshold, ResetMode mode, bool detach) =>
        Apply(charged, Spikes(spikes, detach), mode, resetSpikes => resetSpikes * threshold);

    /// <summary>V(t) from H(t) and S(t) with a threshold θ(t) that varies per element (an adaptive neuron's).</summary>
    public static Tensor Apply(Tensor charged, Tensor spikes, Tensor threshold, ResetMode mode, bool detach) =>
        Apply(charged, Spikes(spikes, detach), mode, resetSpikes => resetSpikes * threshold);

    /// <summary>
    /// The reset written once for both kinds of threshold: a tensor times a number and a tensor times a tensor are
    /// different TorchSharp operations, so the caller supplies θ·S.
    /// </summary>
    private static Tensor Apply(Tensor charged, Tensor resetSpikes, ResetMode mode, Func<Tensor, Tensor> timesThreshold) =>
        mode == ResetMode.Soft ? charged - timesThreshold(resetSpikes) : charged * (1.0 - resetSpikes);
}

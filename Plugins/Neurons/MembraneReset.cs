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
    public static Tensor Apply(Tensor charged, Tensor spikes, double threshold, ResetMode mode, bool detach)
    {
        var resetSpikes = Spikes(spikes, detach);
        return mode == ResetMode.Soft ? charged - resetSpikes * threshold : charged * (1.0 - resetSpikes);
    }

    /// <summary>V(t) from H(t) and S(t) with a threshold θ(t) that varies per element (an adaptive neuron's).</summary>
    public static Tensor Apply(Tensor charged, Tensor spikes, Tensor threshold, ResetMode mode, bool detach)
    {
        var resetSpikes = Spikes(spikes, detach);
        return mode == ResetMode.Soft ? charged - resetSpikes * threshold : charged * (1.0 - resetSpikes);
    }
}

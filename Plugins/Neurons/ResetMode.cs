namespace Neuromorph.Plugins.Neurons;

/// <summary>What happens to the membrane potential after a spike.</summary>
public enum ResetMode
{
    /// <summary>Subtract the threshold: V(t) = H(t) − θ·S(t). Charge above the threshold is kept.</summary>
    Soft,

    /// <summary>Reset to zero: V(t) = H(t)·(1 − S(t)).</summary>
    Hard,
}

namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>What an ensemble of timesteps averages before it becomes a distribution at temperature α.</summary>
public enum EnsembleAveraging
{
    /// <summary>The mean of the logits, then softmax(mean / α).</summary>
    Logits,

    /// <summary>The mean of the softened distributions softmax(o(t) / α).</summary>
    Probabilities,
}

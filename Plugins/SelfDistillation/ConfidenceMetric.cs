namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>How confident a timestep is, from its softmax at temperature 1, averaged over the batch (no labels).</summary>
public enum ConfidenceMetric
{
    /// <summary>The largest class probability (the paper's choice).</summary>
    MaxProbability,

    /// <summary>The negative entropy Σ p log p: higher means more peaked.</summary>
    Entropy,

    /// <summary>The largest minus the second largest class probability. Needs at least two classes.</summary>
    Margin,
}

namespace Neuromorph.Engine.Models;

/// <summary>How a model's batch-norm layers start out.</summary>
internal enum BatchNormKind
{
    /// <summary>Ordinary batch norm: weights start at 1, biases at 0.</summary>
    Plain,

    /// <summary>
    /// Threshold-dependent batch norm (tdBN, Zheng et al., AAAI 2021): statistics over time and batch together, which
    /// multi-step simulation gives any batch norm since it sees all T·B rows at once, and weights that start at
    /// α·V_th (α/√2·V_th where two branches are summed before a neuron). See <see cref="BatchNorms"/>.
    /// </summary>
    ThresholdDependent,
}

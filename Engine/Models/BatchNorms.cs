using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Neuromorph.Engine.Models;

/// <summary>
/// Creates a model's batch-norm layers as its <see cref="ModelSpec.Norm"/> asks. With tdBN (Zheng et al., "Going Deeper
/// With Directly-Trained Larger Spiking Neural Networks", AAAI 2021) the weight starts at α·V_th, so that the
/// pre-synaptic input of the next neuron has a standard deviation of α·V_th; a batch norm whose output is summed with
/// another branch before it reaches a neuron (the last one of a residual branch and the one of a downsampling shortcut)
/// starts at α·V_th/√2, as in the paper's residual blocks, so that the sum has that standard deviation again. The
/// statistics are those of all T·B rows in multi-step mode (tdBN's normalisation over time and batch); single-step
/// simulation normalises each timestep on its own.
/// </summary>
internal static class BatchNorms
{
    /// <summary>A batch norm over the channels of <c>[N, C, H, W]</c>.</summary>
    /// <param name="channels">C.</param>
    /// <param name="spec">The model being built: its <see cref="ModelSpec.Norm"/>, α and V_th.</param>
    /// <param name="beforeAddition">The output is summed with another branch before it reaches a neuron.</param>
    public static BatchNorm2d Create2d(long channels, ModelSpec spec, bool beforeAddition = false)
    {
        var norm = BatchNorm2d(channels);
        Initialize(norm.weight, spec, beforeAddition);
        return norm;
    }

    /// <summary>A batch norm over the features of <c>[N, F]</c> (after a fully connected layer).</summary>
    public static BatchNorm1d Create1d(long features, ModelSpec spec)
    {
        var norm = BatchNorm1d(features);
        Initialize(norm.weight, spec, beforeAddition: false);
        return norm;
    }

    /// <summary>The weight a batch norm starts at: 1 for plain batch norm; α·V_th, or α·V_th/√2 before an addition, for tdBN.</summary>
    public static double InitialWeight(ModelSpec spec, bool beforeAddition) => spec.Norm switch
    {
        BatchNormKind.Plain => 1.0,
        BatchNormKind.ThresholdDependent => spec.TdbnAlpha * spec.Threshold / (beforeAddition ? Math.Sqrt(2) : 1.0),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Norm, "Unknown batch-norm kind."),
    };

    private static void Initialize(Parameter? weight, ModelSpec spec, bool beforeAddition)
    {
        if (weight is null) throw new InvalidOperationException("A model's batch norms are affine; this one has no weight.");
        if (spec.Norm == BatchNormKind.Plain) return;
        init.constant_(weight, InitialWeight(spec, beforeAddition));
    }
}

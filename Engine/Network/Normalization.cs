using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Network;

/// <summary>
/// Maps inputs in [0, 1] to zero mean and unit variance with the dataset's statistics, channel by channel:
/// <c>(x[c] - mean[c]) / std[c]</c> over the channel dimension of <c>[..., C, H, W]</c> (one channel: the same
/// scalar for every value). It is the network's first layer, so that attacks and users feed raw [0, 1] inputs.
/// It holds no parameters or buffers, so checkpoints do not depend on it.
/// </summary>
internal sealed class Normalization : nn.Module<Tensor, Tensor>
{
    /// <summary>One mean and standard deviation for every input value (a single-channel dataset).</summary>
    public Normalization(double mean, double std)
        : this([mean], [std])
    {
    }

    /// <summary>One mean and standard deviation per input channel.</summary>
    public Normalization(IReadOnlyList<double> mean, IReadOnlyList<double> std) : base(nameof(Normalization))
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
            throw new ArgumentException($"One mean and one standard deviation per channel are needed; got {mean.Count} and {std.Count}.", nameof(std));
        foreach (var value in std)
            if (!(value > 0)) throw new ArgumentOutOfRangeException(nameof(std), value, "Every standard deviation must be positive.");
        Mean = [.. mean];
        Std = [.. std];
    }

    public IReadOnlyList<double> Mean { get; }

    public IReadOnlyList<double> Std { get; }

    public override Tensor forward(Tensor input)
    {
        if (Mean.Count == 1)
            return (input - Mean[0]) / Std[0];
        // Checked here: a mismatch inside the native broadcast would abort the process.
        if (input.dim() < 3 || input.shape[^3] != Mean.Count)
            throw new ArgumentException(
                $"The normalisation has {Mean.Count} channels but its input has shape [{string.Join(", ", input.shape)}] "
                + "(expected [..., C, H, W] with C = the channel count).", nameof(input));
        using var scope = NewDisposeScope();
        var mean = tensor(Mean.ToArray(), [Mean.Count, 1, 1], input.dtype, input.device);
        var std = tensor(Std.ToArray(), [Std.Count, 1, 1], input.dtype, input.device);
        return ((input - mean) / std).MoveToOuterDisposeScope();
    }
}

using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// The inputs and labels an attack perturbs, checked in managed code before any native op sees them
/// (some native ops abort the process on bad shapes instead of throwing).
/// </summary>
internal sealed class AttackBatch
{
    private AttackBatch(Tensor inputs, Tensor labels, long largestLabel)
    {
        Inputs = inputs;
        Labels = labels;
        LargestLabel = largestLabel;
    }

    /// <summary>The clean inputs <c>[B, ...]</c>, detached from any graph the caller built.</summary>
    public Tensor Inputs { get; }

    /// <summary>The true labels <c>[B]</c> (int64).</summary>
    public Tensor Labels { get; }

    /// <summary>B, the number of samples.</summary>
    public long Size => Inputs.shape[0];

    /// <summary>The largest label in the batch (−1 for an empty batch), checked against M once logits are known.</summary>
    public long LargestLabel { get; }

    /// <exception cref="ArgumentException">The inputs or labels do not form a batch an attack can perturb.</exception>
    public static AttackBatch Check(Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (inputs.dim() < 2)
            throw new ArgumentException(
                $"Attack inputs must have at least 2 dimensions [B, ...] (images are [B, C, H, W]); got shape {Shape(inputs)}.",
                nameof(inputs));
        if (!inputs.is_floating_point())
            throw new ArgumentException($"Attack inputs must be floating point; got {inputs.dtype}.", nameof(inputs));
        if (labels.dim() != 1 || labels.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"Attack labels must be a 1-D int64 tensor [B]; got shape {Shape(labels)} of {labels.dtype}.", nameof(labels));
        if (labels.shape[0] != inputs.shape[0])
            throw new ArgumentException(
                $"Attack labels must have one entry per input: inputs have batch size {inputs.shape[0]}, " +
                $"labels {labels.shape[0]}.",
                nameof(labels));

        var largest = -1L;
        if (labels.shape[0] > 0)
        {
            var smallest = labels.min().item<long>();
            if (smallest < 0)
                throw new ArgumentException($"Attack labels must be class indices ≥ 0; got {smallest}.", nameof(labels));
            largest = labels.max().item<long>();
        }
        return new AttackBatch(inputs.detach(), labels, largest);
    }

    /// <summary>Checks that the target returned logits <c>[B, M]</c> and that every label is below M.</summary>
    /// <exception cref="ArgumentException">The logits have another shape or a label is ≥ M.</exception>
    public void CheckLogits(Tensor logits)
    {
        if (logits.dim() != 2 || logits.shape[0] != Size)
            throw new ArgumentException(
                $"The attack target must return logits [B, M] with B = {Size}; got shape {Shape(logits)}.");
        if (LargestLabel >= logits.shape[1])
            throw new ArgumentException(
                $"Attack labels must lie in [0, M) = [0, {logits.shape[1]}) for the target's M = {logits.shape[1]} " +
                $"classes; got label {LargestLabel}.");
    }

    /// <summary>Per sample, whether <paramref name="logits"/> <c>[B, M]</c> predict a class other than the label.</summary>
    public Tensor Misclassified(Tensor logits) => logits.argmax(1).ne(Labels);

    /// <summary>Reshapes per-sample values <c>[B]</c> to <c>[B, 1, ..., 1]</c>, broadcastable against the inputs.</summary>
    public Tensor PerSample(Tensor values)
    {
        var shape = new long[Inputs.dim()];
        Array.Fill(shape, 1L);
        shape[0] = Size;
        return values.reshape(shape);
    }

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";
}

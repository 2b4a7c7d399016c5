using Neuromorph.Engine.Data;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Turns a prepared batch into tensors on the training thread (inside the iteration's scope). The tensors
/// are copies, so the batch's arrays go back to its loader for reuse.
/// </summary>
internal static class BatchTensors
{
    /// <exception cref="ArgumentException">The batch's samples are not of <paramref name="sampleShape"/> (checked here, since
    /// a mismatch inside a native call could abort the process).</exception>
    public static (Tensor Inputs, Tensor Labels) From(Batch batch, IReadOnlyList<long> sampleShape)
    {
        var sampleSize = sampleShape.Aggregate(1L, (product, length) => product * length);
        var imageMismatch = sampleShape.Count == 3
            && (sampleShape[0] != batch.Channels || sampleShape[1] != batch.Height || sampleShape[2] != batch.Width);
        if (imageMismatch || sampleSize * batch.Size != batch.Inputs.Length)
            throw new ArgumentException(
                $"The batch holds {batch.Size} samples of {batch.Channels}x{batch.Height}x{batch.Width} ({batch.Inputs.Length} values) "
                + $"but the network takes samples of [{string.Join(", ", sampleShape)}].",
                nameof(batch));
        var shape = new long[sampleShape.Count + 1];
        shape[0] = batch.Size;
        for (var i = 0; i < sampleShape.Count; i++) shape[i + 1] = sampleShape[i];
        var inputs = tensor(batch.Inputs, shape);
        var labels = tensor(batch.Labels, [batch.Size]);
        batch.Release();
        return (inputs, labels);
    }
}

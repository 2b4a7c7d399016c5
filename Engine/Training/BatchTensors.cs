using Neuromorph.Data;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Turns a prepared batch into tensors on the training thread (inside the iteration's scope). The tensors
/// are copies, so the batch's arrays go back to its loader for reuse.
/// </summary>
internal static class BatchTensors
{
    /// <summary>
    /// The inputs as <c>[B, sampleShape...]</c>, or <c>[T, B, sampleShape...]</c> for frame sequences, and the labels <c>[B]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The batch's samples are not of <paramref name="sampleShape"/> (checked here, since
    /// a mismatch inside a native call could abort the process).</exception>
    public static (Tensor Inputs, Tensor Labels) From(Batch batch, IReadOnlyList<long> sampleShape)
    {
        var lead = batch.Timesteps > 0 ? 2 : 1;
        var shape = new long[sampleShape.Count + lead];
        shape[0] = batch.Timesteps > 0 ? batch.Timesteps : batch.Size;
        shape[lead - 1] = batch.Size;
        for (var i = 0; i < sampleShape.Count; i++) shape[i + lead] = sampleShape[i];
        var frameMismatch = sampleShape.Count == 3
            && (sampleShape[0] != batch.Channels || sampleShape[1] != batch.Height || sampleShape[2] != batch.Width);
        if (frameMismatch || shape.Aggregate(1L, (product, length) => product * length) != batch.Inputs.Length)
            throw new ArgumentException(
                $"The batch holds {batch.Inputs.Length} input values of shape [{string.Join(", ", batch.Shape)}], "
                + $"which is not [{string.Join(", ", shape)}] (the network takes samples of [{string.Join(", ", sampleShape)}]).",
                nameof(batch));
        var inputs = tensor(batch.Inputs, shape);
        var labels = tensor(batch.Labels, [batch.Size]);
        batch.Release();
        return (inputs, labels);
    }
}

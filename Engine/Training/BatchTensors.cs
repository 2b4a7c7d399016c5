using Neuromorph.Engine.Data;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Turns a prepared batch into tensors on the training thread (inside the iteration's scope). The tensors
/// are copies, so the batch's arrays go back to its loader for reuse.
/// </summary>
internal static class BatchTensors
{
    public static (Tensor Inputs, Tensor Labels) From(Batch batch, IReadOnlyList<long> sampleShape)
    {
        var shape = new long[sampleShape.Count + 1];
        shape[0] = batch.Size;
        for (var i = 0; i < sampleShape.Count; i++) shape[i + 1] = sampleShape[i];
        var inputs = tensor(batch.Inputs, shape);
        var labels = tensor(batch.Labels, [batch.Size]);
        batch.Release();
        return (inputs, labels);
    }
}

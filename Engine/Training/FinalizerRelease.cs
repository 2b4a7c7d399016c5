namespace Neuromorph.Engine.Training;

/// <summary>
/// Releases native memory that waits for the .NET finalizer. Some TorchSharp objects made during an iteration
/// (observed with custom autograd functions) are not owned by the iteration's dispose scope: their native
/// buffers go back only when the garbage collector finalizes them, which on a small managed heap can take
/// many iterations. Measured on the Fashion-MNIST csnn (batch 128, T = 4): resident memory grew by about
/// 100 MB per iteration to 4.0 GB; with a young-generation collection after every iteration it stays under
/// 2.0 GB and training is about 8 % faster. Call it between iterations (and between evaluation batches), outside any dispose scope.
/// </summary>
internal static class FinalizerRelease
{
    /// <summary>Collects the young generation and runs the finalizers it queued.</summary>
    public static void AfterIteration()
    {
        GC.Collect(0);
        GC.WaitForPendingFinalizers();
    }
}

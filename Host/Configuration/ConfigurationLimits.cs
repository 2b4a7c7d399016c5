namespace Neuromorph.Host.Configuration;

/// <summary>
/// The largest values the configuration accepts where a larger one cannot work: the value would overflow on its way
/// to an allocation, or start more threads than can help. Far above any run that fits a machine; whether a run fits
/// this machine's memory is the memory estimate's question (Composition/MemoryEstimate.cs).
/// </summary>
internal static class ConfigurationLimits
{
    /// <summary>
    /// Threads per processor for <c>run.threads</c> and <c>data.workers</c>. One per processor is what helps; a few
    /// more leave room to oversubscribe on purpose. run.threads = 100000 started 24k libtorch threads and then ignored
    /// SIGTERM for 10 minutes.
    /// </summary>
    public const int ThreadsPerProcessor = 4;

    /// <summary>
    /// <c>data.prefetch</c>: batches waiting ahead of training. Each holds a whole batch of inputs, and the loader's queue
    /// capacity is computed in 32-bit (2147483647 overflowed to "boundedCapacity -1073741824").
    /// </summary>
    public const int MaxPrefetch = 1024;

    /// <summary>
    /// <c>model.channels</c>, <c>model.hidden</c> and <c>model.width</c>. The models multiply a width by up to 16
    /// (vgg9's FC1024 is 16·64) in 32-bit, and two layer sizes make a weight count: 2^20 keeps both far from overflow.
    /// </summary>
    public const int MaxLayerSize = 1 << 20;

    /// <summary><c>data.batch_size</c> and <c>data.test_batch_size</c>: a batch's values are one array (see the estimate).</summary>
    public const int MaxBatchSize = 1 << 20;

    /// <summary><c>model.timesteps</c>: T multiplies every activation and, for event data, the frames per sample.</summary>
    public const int MaxTimesteps = 1 << 16;

    /// <summary><c>data.image_size</c>: image-folder samples are 3·size² bytes each, decoded for every batch.</summary>
    public const int MaxImageSize = 4096;

    /// <summary>The most threads <c>run.threads</c> and <c>data.workers</c> may ask for on this machine.</summary>
    public static int MaxThreads => ThreadsPerProcessor * Environment.ProcessorCount;

    /// <summary>Why <see cref="MaxThreads"/> is what it is, for messages.</summary>
    public static string ThreadsReason =>
        $"at most {ThreadsPerProcessor} per processor, and this machine has {Environment.ProcessorCount}";
}

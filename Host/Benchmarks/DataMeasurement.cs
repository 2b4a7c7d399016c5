namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// One <c>bench data</c> result, printed as one JSON line: the settings and how fast the training loader hands out
/// batches to a consumer that takes them at once, <see cref="LoaderSamplesPerS"/> samples per second (and
/// <see cref="LoaderMsPerBatch"/>). Training keeps up with its data when this exceeds the rate it consumes samples at
/// (<c>bench csnn</c>'s <c>train_samples_per_s</c>, or a run's <c>train_samples_per_second</c>; a run's
/// <c>data_wait_seconds</c> is the time it actually waited).
/// </summary>
internal sealed record DataMeasurement(
    string Framework,
    string Benchmark,
    string Dataset,
    IReadOnlyList<int> SampleShape,
    int TrainSamples,
    int Batch,
    int Workers,
    int Prefetch,
    int RandomCropPadding,
    bool HorizontalFlip,
    int Cutout,
    string Autoaugment,
    int Batches,
    int Warmup,
    double LoaderSamplesPerS,
    double LoaderMsPerBatch);

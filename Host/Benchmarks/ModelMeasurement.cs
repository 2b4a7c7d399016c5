namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// One <c>bench model</c> result, printed as one JSON line: the settings, the model's parameter count, the mean
/// training step (forward over T, loss, backward, SGD step) on random inputs, split by phase, and the process's
/// peak resident memory.
/// </summary>
internal sealed record ModelMeasurement(
    string Framework,
    string Benchmark,
    string Model,
    string Input,
    int Classes,
    int Width,
    string Norm,
    int Batch,
    int Timesteps,
    int Threads,
    string Scheme,
    int Iterations,
    int Warmup,
    long Parameters,
    double TrainMsPerStep,
    double TrainSamplesPerS,
    double? PeakRssMb,
    IReadOnlyDictionary<string, double> TrainPhaseMs);

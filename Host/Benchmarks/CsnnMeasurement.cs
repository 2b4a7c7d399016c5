namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// One <c>bench csnn</c> result, printed as one JSON line: the settings, then the throughputs after warm-up and
/// the process's peak resident memory. <see cref="TrainSamplesPerS"/> counts forward over T timesteps, loss,
/// backward and optimizer step; <see cref="EvalSamplesPerS"/> a forward pass without gradients.
/// </summary>
internal sealed record CsnnMeasurement(
    string Framework,
    string Benchmark,
    string Dataset,
    string Model,
    IReadOnlyList<int> Channels,
    int Hidden,
    string Neuron,
    string Surrogate,
    string Optimizer,
    string Scheme,
    int Batch,
    int Timesteps,
    int Threads,
    int Iterations,
    int Warmup,
    double TrainSamplesPerS,
    double EvalSamplesPerS,
    double? PeakRssMb);

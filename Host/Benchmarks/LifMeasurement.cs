namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// One <c>bench lif</c> result at width <see cref="N"/>, printed as one JSON line. Times are medians in
/// milliseconds: <see cref="ForwardMs"/> the forward pass recording the graph as training does,
/// <see cref="ForwardBackwardMs"/> forward plus backward of the summed spikes, and
/// <see cref="LinearForwardBackwardMs"/> the same for the linear layer alone (the matrix-product floor
/// under the neuron's share).
/// </summary>
internal sealed record LifMeasurement(
    string Framework,
    string Benchmark,
    string Neuron,
    string Surrogate,
    int N,
    int Timesteps,
    int Batch,
    int Threads,
    int Repeats,
    double ForwardMs,
    double ForwardBackwardMs,
    double LinearForwardBackwardMs);

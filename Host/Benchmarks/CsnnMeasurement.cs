namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// One <c>bench csnn</c> result, printed as one JSON line: the settings, then the throughputs after warm-up and
/// the process's peak resident memory. <see cref="TrainSamplesPerS"/> counts forward over T timesteps, loss,
/// backward and optimizer step, counting the spikes of every <see cref="SpikeCountStride"/>-th sample (0: none) as
/// training does, and writing the iteration's TensorBoard events every <see cref="TensorBoardEvery"/>-th step (0: never)
/// as training does every <c>run.log_every</c> iterations; <see cref="EvalSamplesPerS"/> a forward pass without gradients.
/// <see cref="TrainGflopPerS"/> is the step's convolution and matrix-product FLOPs (<see cref="CsnnDenseWork"/>)
/// over its time; <see cref="ConvGflopPerS"/> and <see cref="MatmulGflopPerS"/> are those operations' rates
/// timed alone on the same shapes, and <see cref="DenseFloorMs"/> their time per step: the floor.
/// <see cref="TrainPhaseMs"/> splits the mean training step by phase (<see cref="Engine.Training.StepPhase"/>).
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
    int SpikeCountStride,
    [property: System.Text.Json.Serialization.JsonPropertyName("tensorboard_every")] int TensorBoardEvery,
    double TrainSamplesPerS,
    double EvalSamplesPerS,
    double? PeakRssMb,
    double TrainMsPerStep,
    double TrainGflopPerS,
    double DenseFloorMs,
    double ConvGflopPerS,
    double MatmulGflopPerS,
    IReadOnlyDictionary<string, double> TrainPhaseMs);

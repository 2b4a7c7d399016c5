namespace Neuromorph.Host.Benchmarks;

/// <summary>What <c>bench csnn</c> measures: the batch size, T, the threads, the distillation scheme, and how long.</summary>
/// <param name="Batch">Samples per mini-batch, for training and for evaluation.</param>
/// <param name="Timesteps">T.</param>
/// <param name="Threads">TorchSharp's intra-op threads.</param>
/// <param name="Scheme">The distillation scheme (<c>none</c> or a scheme plugin's name).</param>
/// <param name="Iterations">Timed mini-batches, for training and again for evaluation.</param>
/// <param name="Warmup">Untimed mini-batches before each timed phase.</param>
/// <param name="Dataset">The dataset the batches come from (<c>fashion-mnist</c>; the embedded subset for tests).</param>
/// <param name="DataPath">The dataset's folder, as <c>data.path</c>; empty searches the default locations.</param>
/// <param name="SpikeCountStride">Training counts the spikes of every this-many-th sample, as runs do; 0 counts none
/// (what counting costs is the difference).</param>
/// <param name="TensorBoardEvery">Training writes the iteration's TensorBoard events every this-many-th step, as runs do
/// every <c>run.log_every</c> iterations (into a temporary folder, removed afterwards); 0 writes none.</param>
internal sealed record CsnnBenchmarkSettings(
    int Batch = 128,
    int Timesteps = 4,
    int Threads = 2,
    string Scheme = "none",
    int Iterations = 20,
    int Warmup = 3,
    string Dataset = "fashion-mnist",
    string DataPath = "",
    int SpikeCountStride = Engine.Training.TrainingStep.CountedSampleStride,
    int TensorBoardEvery = 0);

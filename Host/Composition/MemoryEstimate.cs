using System.Globalization;
using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Composition;

/// <summary>
/// The memory a run's network will take beyond what the process already holds, estimated before anything of it is
/// allocated (from <see cref="ModelFootprint"/>), so that a configuration that cannot fit is a configuration error
/// naming the keys to lower rather than an allocation failure or the kernel's OOM killer. <c>train</c>, <c>eval</c>,
/// <c>attack</c> and <c>bench csnn</c> all build their network through the same factory, which checks this first.
/// </summary>
/// <param name="Model">The architecture's name.</param>
/// <param name="Parameters">Learnable parameters.</param>
/// <param name="Training">A training step at <c>data.batch_size</c> (attacks backpropagate the same way).</param>
/// <param name="Evaluation">An evaluation batch at <c>data.test_batch_size</c>, without gradients.</param>
/// <param name="Timesteps">T.</param>
/// <param name="SizeKeys">The keys that size the network's layers.</param>
internal sealed record MemoryEstimate(
    string Model, long Parameters, MemoryEstimate.Phase Training, MemoryEstimate.Phase Evaluation, int Timesteps, IReadOnlyList<string> SizeKeys)
{
    // Calibrated on peak RSS (VmHWM) of `bench model` (one SGD training step, lif neurons, T = 4, 2 threads), MiB:
    //   csnn 1x28x28      824,298 parameters,   354,104 layer-output elements per sample:  563.5 at batch 64,  1340.3 at 256
    //   vgg9 3x32x32    5,943,242 parameters, 2,702,376 elements per sample:                 885.7 at batch 16,  2115.8 at 64
    //   resnet19 3x32x32 12,697,994 parameters, 17,310,760 elements per sample:             2094.0 at batch 8,   5469.1 at 32
    // Per sample that is 11.98, 9.94 and 8.52 bytes per element (2 to 3 floats kept per layer output; csnn's max
    // pooling also keeps int64 indices): 12 covers all three. The host before any model peaks at 192 MiB; the three
    // intercepts lie 112, 284 and 777 MiB above it, which 64 MiB + 64 bytes per parameter covers (weights, gradients,
    // momentum or Adam's two moments, libtorch's work buffers). Estimated against measured above the 192 MiB: csnn 374
    // vs 371 and 1152 vs 1148, vgg9 922 vs 694 and 2406 vs 1924, resnet19 2424 vs 1902 and 7178 vs 5277 MiB: at most
    // 36 % high, never low. `eval` of csnn (no gradients) peaked at 697.8, 1808.3 and 3290.4 MiB with test batches of
    // 250, 1000 and 2000: 4.39 bytes per element per sample (each output lives until the batch's dispose scope ends).
    private const double TrainingBytesPerElement = 12;
    private const double EvaluationBytesPerElement = 5;
    private const double BytesPerParameter = 64;
    private const double FixedBytes = 64 << 20;

    /// <summary>The bytes needed: the fixed part, the parameters, and the larger of a training and an evaluation batch.</summary>
    public double Bytes => FixedBytes + BytesPerParameter * Parameters + Math.Max(Training.Bytes, Evaluation.Bytes);

    /// <summary>
    /// The estimate for <paramref name="spec"/>'s network with <paramref name="neuron"/> on <paramref name="splits"/>,
    /// batched as <paramref name="data"/> says (a batch larger than its split is the whole split).
    /// </summary>
    /// <exception cref="ConfigurationException">A batch's values would not fit one array.</exception>
    public static MemoryEstimate For(ModelSpec spec, INeuronModel neuron, DataSection data, DatasetSplits splits)
    {
        // Checked first: running the network's small versions on a huge input is work of its own.
        var trainingSamples = Phase.SamplesPerBatch("data.batch_size", data.BatchSize, splits.Train);
        var evaluationSamples = Phase.SamplesPerBatch("data.test_batch_size", data.TestBatchSize, splits.Test);
        var footprint = ModelFootprint.Measure(spec, neuron, frameSequences: splits.Train.Timesteps > 0);
        string[] sizeKeys = ModelCatalog.Find(spec.Name) is { DefaultWidth: > 0 } ? ["model.width"] : ["model.channels", "model.hidden"];
        var queued = data.Prefetch + data.Workers + 1;
        return new MemoryEstimate(
            spec.Name, footprint.Parameters,
            new Phase("data.batch_size", data.BatchSize, trainingSamples,
                Phase.BytesOf(trainingSamples, splits.Train, footprint.ActivationElements * TrainingBytesPerElement, queued)),
            new Phase("data.test_batch_size", data.TestBatchSize, evaluationSamples,
                Phase.BytesOf(evaluationSamples, splits.Test, footprint.ActivationElements * EvaluationBytesPerElement, queued)),
            spec.Timesteps, sizeKeys);
    }

    /// <summary>Throws when the estimate exceeds <paramref name="available"/>; no figure (not Linux) checks nothing.</summary>
    /// <exception cref="ConfigurationException">The run needs more memory than is available.</exception>
    public void RejectAbove(AvailableMemory? available)
    {
        if (available is null || Bytes <= available.Bytes) return;
        var (phase, kept) = Training.Bytes >= Evaluation.Bytes
            ? (Training, "the layer outputs a training step keeps for its backward pass")
            : (Evaluation, "the layer outputs of an evaluation batch");
        var parameterBytes = FixedBytes + BytesPerParameter * Parameters;
        string[] batchKeys = [phase.Key, "model.timesteps"];
        string[] keys = parameterBytes >= phase.Bytes ? [.. SizeKeys, .. batchKeys] : [.. batchKeys, .. SizeKeys];
        throw new ConfigurationException(
            $"model \"{Model}\" needs about {Describe(Bytes)} of memory, estimated before allocating any of it: {Describe(parameterBytes)} "
            + $"for its {Parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters with their gradients and optimizer state, "
            + $"and {Describe(phase.Bytes)} for {kept} ({phase.Describe()}, model.timesteps = {Timesteps}). "
            + $"Only {Describe(available.Bytes)} is available ({available.Source}): lower {string.Join(", ", keys[..^1])} or {keys[^1]}.");
    }

    /// <summary>Bytes in MiB, GiB or TiB, for messages.</summary>
    public static string Describe(double bytes) => bytes switch
    {
        >= 1L << 40 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 40):N1} TiB"),
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):N1} GiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 20):N0} MiB"),
    };

    /// <summary>One loader's batches through the network.</summary>
    /// <param name="Key">The batch-size key.</param>
    /// <param name="Configured">Its value.</param>
    /// <param name="Samples">Samples per batch: the value, or the split's size when that is smaller.</param>
    /// <param name="Bytes">The layer outputs the network keeps for a batch, plus the loader's queued input batches.</param>
    internal sealed record Phase(string Key, int Configured, int Samples, double Bytes)
    {
        /// <summary>
        /// Samples per batch of <paramref name="split"/> when <paramref name="key"/> = <paramref name="configured"/>: the
        /// value, or the split's size when that is smaller.
        /// </summary>
        /// <exception cref="ConfigurationException">A batch's values would not fit one array.</exception>
        public static int SamplesPerBatch(string key, int configured, ISampleSource split)
        {
            var samples = Math.Max(1, Math.Min(configured, split.Count));
            var values = (long)samples * split.SampleSize;
            if (values > Array.MaxLength)
                throw new ConfigurationException(
                    $"{key} = {configured} makes batches of {values.ToString("N0", CultureInfo.InvariantCulture)} input values, more than one "
                    + $"array can hold ({Array.MaxLength.ToString("N0", CultureInfo.InvariantCulture)}): it must be at most "
                    + $"{(Array.MaxLength / split.SampleSize).ToString("N0", CultureInfo.InvariantCulture)} for {split.Description}.");
            return samples;
        }

        /// <param name="samples">Samples per batch.</param>
        /// <param name="split">The split batched.</param>
        /// <param name="perSample">Bytes of layer outputs one sample keeps.</param>
        /// <param name="queued">Input batches the loader holds at once (queued, being prepared, in use).</param>
        public static double BytesOf(int samples, ISampleSource split, double perSample, int queued) =>
            samples * (perSample + queued * split.SampleSize * (double)sizeof(float));

        public string Describe() => Samples == Configured
            ? $"{Key} = {Configured}"
            : $"{Key} = {Configured} (batches of {Samples}, the whole split)";
    }
}

using System.Diagnostics;
using Neuromorph.Data;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using static TorchSharp.torch;

namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// <c>bench csnn</c>: the foundation's convolutional SNN built by the same composition as <c>train</c>
/// (<see cref="ExperimentFactory"/>), timed on real mini-batches. Training runs <see cref="TrainingStep"/>, the
/// step the training loop runs; evaluation is a forward pass without gradients in evaluation mode plus the
/// prediction. Each phase runs its warm-up batches first, untimed. Batches come from the data loader that
/// <c>train</c> uses (prefetched on a background thread), full-sized, cycling through epochs as needed.
/// </summary>
internal static class CsnnBenchmark
{
    /// <summary>
    /// The configuration benchmarked: <c>config/fashion-mnist.toml</c>'s network and optimizer (csnn with channels
    /// [32, 64] and 256 hidden units, LIF neurons with the rectangular surrogate, Adam at 0.001) with the
    /// settings' batch size, T, threads, scheme and dataset, and a constant learning rate.
    /// </summary>
    public static RunConfiguration Configuration(CsnnBenchmarkSettings settings) => RunConfiguration.Default with
    {
        Run = new RunSection(Name: "bench-csnn", Seed: 0, Epochs: 1, Threads: settings.Threads),
        Data = new DataSection(
            Dataset: settings.Dataset, Path: string.IsNullOrWhiteSpace(settings.DataPath) ? "" : Path.GetFullPath(settings.DataPath),
            BatchSize: settings.Batch, TestBatchSize: settings.Batch),
        Model = new ModelSection(Name: "csnn", Timesteps: settings.Timesteps, Channels: [32, 64], Hidden: 256),
        Neuron = new NeuronSection(Plugin: "lif", Surrogate: "rectangular"),
        Optimizer = new OptimizerSection(Name: "adam", Lr: 0.001, WeightDecay: 0, Schedule: "constant"),
        Distillation = new DistillationSection(settings.Scheme),
    };

    /// <exception cref="ConfigurationException">The batch is larger than a split, or the scheme or its options are invalid.</exception>
    /// <exception cref="DataException">The dataset is missing or unreadable.</exception>
    public static CsnnMeasurement Run(CsnnBenchmarkSettings settings)
    {
        var configuration = Configuration(settings);
        using var experiment = CreateExperiment(configuration);
        foreach (var (split, dataset) in new[] { ("training", experiment.Data.Train), ("test", experiment.Data.Test) })
            if (dataset.Count < settings.Batch)
                throw new ConfigurationException(
                    $"--batch {settings.Batch} is larger than the {split} split of {settings.Dataset} ({dataset.Count} images).");

        var phases = new StepPhaseTimes();
        var trainSamplesPerSecond = MeasureTraining(experiment, settings, phases);
        var evalSamplesPerSecond = MeasureEvaluation(experiment, settings);
        var dense = CsnnDenseWork.FashionMnist(settings.Batch, settings.Timesteps);
        var (convolutionMs, matmulMs) = dense.Measure(DenseRepeats);
        var stepMs = 1000 * settings.Batch / trainSamplesPerSecond;
        var model = configuration.Model;
        var neuron = configuration.Neuron;
        return new CsnnMeasurement(
            BenchmarkLine.Framework, "csnn", settings.Dataset, model.Name, model.Channels, model.Hidden,
            neuron.Plugin, neuron.Surrogate, configuration.Optimizer.Name, settings.Scheme,
            settings.Batch, settings.Timesteps, settings.Threads, settings.Iterations, settings.Warmup, settings.SpikeCountStride,
            settings.TensorBoardEvery,
            BenchmarkLine.Round(trainSamplesPerSecond), BenchmarkLine.Round(evalSamplesPerSecond),
            PeakMemory.ResidentMegabytes() is { } peak ? BenchmarkLine.Round(peak) : null,
            BenchmarkLine.Round(stepMs),
            BenchmarkLine.Round(dense.TrainingFlops / stepMs / 1e6),
            BenchmarkLine.Round(convolutionMs + matmulMs),
            BenchmarkLine.Round(dense.ConvolutionTrainingFlops / convolutionMs / 1e6),
            BenchmarkLine.Round(dense.MatmulTrainingFlops / matmulMs / 1e6),
            BenchmarkLine.Phases(phases));
    }

    private static Experiment CreateExperiment(RunConfiguration configuration)
    {
        try
        {
            return ExperimentFactory.Create(configuration);
        }
        catch (DataException exception)
        {
            throw new DataException(
                $"{exception.Message}\nFor the benchmark: --dataset {DatasetCatalog.EmbeddedFashionMnistName} runs on the bundled subset.", exception);
        }
    }

    /// <summary>Timed runs of the convolutions and matrix products alone.</summary>
    private const int DenseRepeats = 5;

    private static double MeasureTraining(Experiment experiment, CsnnBenchmarkSettings settings, StepPhaseTimes phases)
    {
        var network = experiment.Network;
        var configuration = experiment.Configuration;
        var optimizer = experiment.CreateOptimizer();
        var step = new TrainingStep(
            network, optimizer, experiment.Objective, experiment.Slots, adversarial: null, settings.SpikeCountStride);
        using var loader = new BatchLoader(
            experiment.Data.Train, settings.Batch, shuffle: true, configuration.Run.Seed, configuration.Data.Prefetch, dropLast: true);
        using var events = BenchmarkTensorBoard.Start(settings);
        network.train();
        var iteration = 0L;
        return Throughput(loader, settings, () => phases.Clear(), batch =>
        {
            using (NewDisposeScope())
            {
                var report = step.Run(batch, iteration, experiment.Slots.BaseLearningRate, phases);
                events?.Record(iteration, report);
            }
            iteration++;
            CollectionPoint.Reached();
        });
    }

    private static double MeasureEvaluation(Experiment experiment, CsnnBenchmarkSettings settings)
    {
        var network = experiment.Network;
        var configuration = experiment.Configuration;
        using var loader = new BatchLoader(
            experiment.Data.Test, settings.Batch, shuffle: false, configuration.Run.Seed, configuration.Data.Prefetch, dropLast: true);
        network.eval();
        using var noGrad = no_grad();
        return Throughput(loader, settings, () => { }, batch =>
        {
            CollectionPoint.Reached();
            using var scope = NewDisposeScope();
            var (inputs, labels) = BatchTensors.From(batch, network.InputShape);
            var logits = network.forward(inputs);
            logits.mean([0]).argmax(-1).eq(labels).sum().item<long>();
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the warm-up batches, then <paramref name="warmedUp"/>, then times
    /// <paramref name="work"/> on the measured ones: samples per second.
    /// </summary>
    private static double Throughput(BatchLoader loader, CsnnBenchmarkSettings settings, Action warmedUp, Action<Batch> work)
    {
        using var batches = new BatchCycle(loader);
        for (var i = 0; i < settings.Warmup; i++)
            work(batches.Next());
        warmedUp();
        var samples = 0L;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < settings.Iterations; i++)
        {
            var batch = batches.Next();
            work(batch);
            samples += batch.Size;
        }
        return samples / watch.Elapsed.TotalSeconds;
    }
}

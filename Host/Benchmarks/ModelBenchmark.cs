using System.Diagnostics;
using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Models;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Plugins;
using Tomlyn.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// <c>bench model</c>: the time of one training step of any zoo model at any input size, on random inputs in
/// [0, 1] with random labels (the data does not change the work), with the default <c>lif</c> neurons and the
/// paper's SGD (momentum 0.9, lr 0.1, weight decay 1e-4). It runs <see cref="TrainingStep"/>, the step
/// <c>train</c> runs, with a collection point between steps as in training.
/// </summary>
internal static class ModelBenchmark
{
    private const int DistinctBatches = 2;

    /// <exception cref="ConfigurationException">The model does not take the input, or the scheme is unknown or needs a larger T.</exception>
    public static ModelMeasurement Run(ModelBenchmarkSettings settings)
    {
        torch.set_num_threads(settings.Threads);
        manual_seed(0);
        using var catalog = PluginCatalog.LoadForHost([]);
        var context = new PluginContext(settings.Timesteps, settings.Classes, 0);
        var neuron = DefaultNeuron.Create(catalog, context);
        var spec = Spec(settings);
        if (ModelCatalog.InputProblem(spec) is { } problem)
            throw new ConfigurationException($"--model {settings.Model}: {problem}.");
        var slots = new RunSlots(
            neuron, Scheme(catalog, settings.Scheme, context), attack: null,
            new AdjustableSurrogate(SurrogateGradients.Create(RunConfiguration.Default.Neuron.Surrogate)), new OptimizerSettings().LearningRate);
        var network = ModelCatalog.Build(spec, slots.NeuronModel);
        network.train();
        var optimizer = OptimizerFactory.Create(new OptimizerSettings(), network.parameters());
        var phases = new StepPhaseTimes();
        var step = new TrainingStep(network, optimizer, new Objective(), slots, adversarial: null);
        var batches = Enumerable.Range(0, DistinctBatches).Select(seed => RandomBatch(settings, seed)).ToArray();

        for (var i = 0; i < settings.Warmup; i++) Train(step, batches[i % DistinctBatches], i, slots.BaseLearningRate, phases);
        phases.Clear();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < settings.Iterations; i++) Train(step, batches[i % DistinctBatches], i, slots.BaseLearningRate, phases);
        var stepMs = watch.Elapsed.TotalMilliseconds / settings.Iterations;
        CollectionPoint.End();

        return new ModelMeasurement(
            BenchmarkLine.Framework, "model", settings.Model, string.Join('x', settings.Input), settings.Classes, spec.Width,
            settings.Norm, settings.Batch, settings.Timesteps, settings.Threads, settings.Scheme, settings.Iterations, settings.Warmup,
            network.parameters().Sum(parameter => parameter.numel()),
            BenchmarkLine.Round(stepMs), BenchmarkLine.Round(settings.Batch * 1000 / stepMs),
            PeakMemory.ResidentMegabytes() is { } peak ? BenchmarkLine.Round(peak) : null,
            BenchmarkLine.Phases(phases));
    }

    private static ModelSpec Spec(ModelBenchmarkSettings settings)
    {
        var architecture = ModelCatalog.Find(settings.Model)
            ?? throw new ConfigurationException(
                $"--model {settings.Model} is not a model{(NearestKey.Find(settings.Model, ModelCatalog.Names) is { } near ? $"; did you mean '{near}'?" : ".")} " +
                $"'neuromorph models' lists them ({string.Join(", ", ModelCatalog.Names)}).");
        var section = new ModelSection(Name: settings.Model, Timesteps: settings.Timesteps, Norm: settings.Norm);
        var width = architecture.DefaultWidth > 0 ? settings.Width > 0 ? settings.Width : architecture.DefaultWidth : 0;
        var channels = (int)settings.Input[0];
        return new ModelSpec(
            settings.Model, settings.Timesteps, settings.Input, settings.Classes, section.Channels, section.Hidden,
            new DatasetNormalization(Enumerable.Repeat(0.5, channels).ToArray(), Enumerable.Repeat(0.25, channels).ToArray()),
            width, section.NormKind);
    }

    private static IDistillationScheme Scheme(PluginCatalog catalog, string name, PluginContext context)
    {
        if (name == NoDistillation.Name) return new NoDistillation();
        var plugin = catalog.Find(PluginKind.DistillationScheme, name);
        var options = ConfiguredPlugins.BindOptions(plugin, new TomlTable(), "distillation");
        return (IDistillationScheme)ConfiguredPlugins.Create(plugin, options, "distillation", context, null);
    }

    private static void Train(TrainingStep step, Batch batch, int iteration, double learningRate, StepPhaseTimes phases)
    {
        using (NewDisposeScope()) step.Run(batch, iteration, learningRate, phases);
        CollectionPoint.Reached();
    }

    /// <summary>A batch of uniform random pixels and labels; the loader's arrays are not involved, so nothing is released.</summary>
    private static Batch RandomBatch(ModelBenchmarkSettings settings, int seed)
    {
        var random = new Random(seed);
        var (channels, height, width) = ((int)settings.Input[0], (int)settings.Input[1], (int)settings.Input[2]);
        var inputs = new float[settings.Batch * channels * height * width];
        for (var i = 0; i < inputs.Length; i++) inputs[i] = random.NextSingle();
        var labels = Enumerable.Range(0, settings.Batch).Select(_ => (long)random.Next(settings.Classes)).ToArray();
        return new Batch(0, seed, settings.Batch, channels, height, width, inputs, labels, Enumerable.Range(0, settings.Batch).ToArray());
    }
}

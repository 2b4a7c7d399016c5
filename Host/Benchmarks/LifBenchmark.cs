using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Plugins;
using Tomlyn.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// <c>bench lif</c>: Linear(n, n, no bias) → LIF on a random input <c>[T, batch, n]</c>, loss = the sum of the
/// spikes. The linear layer maps all T·batch rows in one product; the LIF layer is the bundled <c>lif</c>
/// plugin (τ = 2, θ = 1, soft reset, ATan surrogate with α = 2) run through its <see cref="INeuronModel.Run(Tensor, NeuronParameters)"/>,
/// as the engine calls it, so a fused multi-step kernel is measured when the plugin has one. Each pass runs
/// once untimed, then <see cref="LifBenchmarkSettings.Repeats"/> times timed, each in its own dispose scope.
/// </summary>
internal static class LifBenchmark
{
    private const string NeuronName = "lif";
    private const string SurrogateName = "atan";
    private const double SurrogateAlpha = 2.0;

    /// <summary>Measures each size in turn, handing over each result as soon as it is known.</summary>
    public static void Run(LifBenchmarkSettings settings, Action<LifMeasurement> report)
    {
        torch.set_num_threads(settings.Threads);
        using var catalog = PluginCatalog.LoadForHost([]);
        var neuron = CreateNeuron(catalog, settings.Timesteps);
        foreach (var size in settings.Sizes)
            report(Measure(neuron, size, settings));
    }

    private static INeuronModel CreateNeuron(PluginCatalog catalog, int timesteps)
    {
        var plugin = catalog.Find(PluginKind.Neuron, NeuronName);
        var table = new TomlTable { ["tau"] = 2.0, ["threshold"] = 1.0, ["reset"] = "soft" };
        var options = ConfiguredPlugins.BindOptions(plugin, table, "neuron.options");
        var surrogate = new AdjustableSurrogate(SurrogateGradients.Create(SurrogateName, SurrogateAlpha));
        var context = new PluginContext(timesteps, ClassCount: 2, Seed: 0);
        return (INeuronModel)ConfiguredPlugins.Create(plugin, options, "neuron.options", context, surrogate);
    }

    private static LifMeasurement Measure(INeuronModel neuron, int size, LifBenchmarkSettings settings)
    {
        var (timesteps, batch) = (settings.Timesteps, settings.Batch);
        manual_seed(0);
        using var linear = nn.Linear(size, size, hasBias: false);
        using var inputs = randn(timesteps * batch, size);

        Tensor Linear() => linear.forward(inputs);
        Tensor Spikes() => neuron.Run(Linear().view(timesteps, batch, size), NeuronParameters.None);

        var forward = Median.OfRuns(settings.Repeats, () => Spikes().sum().item<float>());
        var forwardBackward = Median.OfRuns(settings.Repeats, () => Backward(linear, Spikes().sum()));
        var linearAlone = Median.OfRuns(settings.Repeats, () => Backward(linear, Linear().sum()));
        return new LifMeasurement(
            BenchmarkLine.Framework, "lif", NeuronName, SurrogateName, size, timesteps, batch, settings.Threads, settings.Repeats,
            BenchmarkLine.Round(forward), BenchmarkLine.Round(forwardBackward), BenchmarkLine.Round(linearAlone));
    }

    private static void Backward(nn.Module linear, Tensor loss)
    {
        linear.zero_grad();
        loss.backward();
    }
}

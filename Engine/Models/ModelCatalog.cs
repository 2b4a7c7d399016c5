using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Models;

/// <summary>The architectures the engine can build, by configuration name.</summary>
internal static class ModelCatalog
{
    private static readonly Dictionary<string, Func<ModelSpec, INeuronModel, SpikingNetwork>> Builders = new()
    {
        [ConvolutionalSnn.Name] = ConvolutionalSnn.Build,
    };

    public static IReadOnlyCollection<string> Names => Builders.Keys;

    public static SpikingNetwork Build(ModelSpec spec, INeuronModel neuron) =>
        Builders.TryGetValue(spec.Name, out var build)
            ? build(spec, neuron)
            : throw new ArgumentException($"Unknown model '{spec.Name}'. Known models: {string.Join(", ", Names)}.");
}

using Neuromorph.Engine.Models;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Tests.Network;

namespace Neuromorph.Engine.Tests.ModelZoo;

/// <summary>Specs and builds for the model-zoo tests: csnn's sizes at their defaults, the rest as given.</summary>
/// <remarks>
/// The folder's namespace is <c>ModelZoo</c>, not <c>Models</c>: a <c>Neuromorph.Engine.Tests.Models</c> namespace would
/// hide <c>Neuromorph.Engine.Models</c> from the tests that write <c>Models.ModelCatalog</c>.
/// </remarks>
internal static class ModelSpecs
{
    /// <summary>A spec for <paramref name="name"/> on <paramref name="input"/> (normalisation mean 0.5, std 0.25).</summary>
    public static ModelSpec For(
        string name, long[] input, int classes = 10, int width = 0, int timesteps = 2,
        BatchNormKind norm = BatchNormKind.Plain, double alpha = 1.0, double threshold = 1.0) =>
        new(name, timesteps, input, classes, [32, 64], 256, 0.5, 0.25, width, norm, alpha, threshold);

    /// <summary>Builds <paramref name="spec"/> with the test LIF neuron, which declares no parameters.</summary>
    public static SpikingNetwork Build(ModelSpec spec) => ModelCatalog.Build(spec, new ThresholdNeuron());

    /// <summary>The number of learnable values: weights, biases and batch-norm affine parameters.</summary>
    public static long ParameterCount(SpikingNetwork network) => network.parameters().Sum(p => p.numel());
}

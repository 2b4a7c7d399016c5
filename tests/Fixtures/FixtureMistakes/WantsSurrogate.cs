using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureMistakes;

/// <summary>A scheme whose constructor asks for a surrogate gradient, which only neuron models are given.</summary>
[Plugin("wants-surrogate", Description = "Test fixture: a scheme that asks for a surrogate gradient.")]
internal sealed class WantsSurrogate(ISurrogateGradient surrogate) : IDistillationScheme
{
    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(surrogate.Spike(timestepLogits).mean(), new Dictionary<string, Diagnostic>());
}

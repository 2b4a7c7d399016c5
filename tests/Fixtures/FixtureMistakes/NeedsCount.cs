using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureMistakes;

/// <summary>A scheme whose options record has a parameter without a default.</summary>
[Plugin("needs-count", Description = "Test fixture: an options record with a required parameter.")]
internal sealed class NeedsCount(NeedsCountOptions options) : IDistillationScheme
{
    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(timestepLogits.mean() * options.Count, new Dictionary<string, Diagnostic>());
}

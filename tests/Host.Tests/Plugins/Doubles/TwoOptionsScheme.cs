using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>A scheme the host cannot create: its constructor takes two options records.</summary>
internal sealed class TwoOptionsScheme(StrictSchemeOptions first, ThresholdNeuronOptions second) : IDistillationScheme
{
    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(torch.tensor(first.Window * second.Threshold), new Dictionary<string, Diagnostic>());
}

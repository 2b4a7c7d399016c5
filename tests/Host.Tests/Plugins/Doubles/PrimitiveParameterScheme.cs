using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>A scheme the host cannot create: its constructor takes a bare number instead of a record.</summary>
internal sealed class PrimitiveParameterScheme(int window) : IDistillationScheme
{
    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(torch.tensor(window), new Dictionary<string, Diagnostic>());
}

using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>The built-in scheme <c>none</c>: adds nothing, so the objective is plain cross-entropy.</summary>
internal sealed class NoDistillation : IDistillationScheme
{
    public const string Name = "none";

    private static readonly IReadOnlyDictionary<string, Diagnostic> NoDiagnostics = new Dictionary<string, Diagnostic>();

    public DistillationTerm Compute(Tensor timestepLogits, Tensor? labels) =>
        new(zeros([], timestepLogits.dtype, timestepLogits.device), NoDiagnostics);
}

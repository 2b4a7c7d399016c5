using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Training;

/// <summary>
/// A distillation scheme that adds nothing to the loss and emits known diagnostics from a count of its
/// calls i = 0, 1, 2, ... (one call per training iteration): <c>chosen</c> (Sum) is one-hot at index 0
/// when i is a multiple of 3 and at index 1 otherwise; <c>iteration</c> (Mean) is i; <c>constant</c>
/// (Mean) is 0.25. The same instance can serve an interrupted run and its resumption.
/// </summary>
internal sealed class ScriptedDiagnosticsScheme : IDistillationScheme
{
    public int Calls { get; private set; }

    public DistillationTerm Compute(Tensor timestepLogits, Tensor? labels)
    {
        var i = Calls++;
        var diagnostics = new Dictionary<string, Diagnostic>
        {
            ["chosen"] = new(i % 3 == 0 ? [1.0, 0.0] : [0.0, 1.0], DiagnosticAggregation.Sum),
            ["iteration"] = Diagnostic.Scalar(i),
            ["constant"] = new([0.25], DiagnosticAggregation.Mean),
        };
        return new DistillationTerm(zeros([], timestepLogits.dtype, timestepLogits.device), diagnostics);
    }
}

using Neuromorph.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The training objective <c>L = CE(O, y) + D (+ R)</c>: cross-entropy of the time-averaged logits
/// <c>O = mean_t o(t)</c> plus the distillation scheme's term computed from all timesteps, plus the
/// orthogonality regulariser of regularized adversarial training when one is set. The scheme is passed in at
/// every call (the one in force, see <see cref="RunSlots"/>), so the objective holds nothing that may change.
/// </summary>
/// <param name="regularizer">The weight regulariser added to the loss, or null for none; reported as the diagnostic <see cref="PenaltyDiagnostic"/>.</param>
internal sealed class Objective(Robustness.OrthogonalityPenalty? regularizer = null)
{
    /// <summary>The diagnostic name under which the regulariser's value is recorded.</summary>
    public const string PenaltyDiagnostic = "orthogonality_penalty";

    /// <summary>The scheme's term for <paramref name="timestepLogits"/> <c>[T, B, M]</c> (labels only to a scheme that uses them).</summary>
    public static DistillationTerm Distill(IDistillationScheme scheme, Tensor timestepLogits, Tensor labels)
    {
        var term = scheme.Compute(timestepLogits, scheme.UsesLabels ? labels : null);
        if (term.Loss.numel() != 1)
            throw new InvalidOperationException(
                $"The distillation scheme returned a loss of shape [{string.Join(", ", term.Loss.shape)}]; it must be a scalar.");
        return term;
    }

    /// <summary>The total loss with the scheme's <paramref name="term"/> already computed.</summary>
    public ObjectiveResult Compute(Tensor timestepLogits, Tensor labels, DistillationTerm term)
    {
        var averaged = timestepLogits.mean([0]);
        var crossEntropy = cross_entropy(averaged, labels);
        var loss = crossEntropy + term.Loss.reshape([]);
        if (regularizer is null)
            return new ObjectiveResult(loss, crossEntropy, averaged, term, term.Diagnostics);
        var penalty = regularizer.Compute();
        var diagnostics = new Dictionary<string, Diagnostic>(term.Diagnostics)
        {
            [PenaltyDiagnostic] = Diagnostic.Scalar(penalty.item<float>()),
        };
        return new ObjectiveResult(loss + penalty, crossEntropy, averaged, term, diagnostics);
    }

    /// <summary>The total loss under <paramref name="scheme"/>: <see cref="Distill"/>, then <see cref="Compute(Tensor, Tensor, DistillationTerm)"/>.</summary>
    public ObjectiveResult Compute(IDistillationScheme scheme, Tensor timestepLogits, Tensor labels) =>
        Compute(timestepLogits, labels, Distill(scheme, timestepLogits, labels));
}

/// <summary>The objective's parts for one iteration; <see cref="Diagnostics"/> are the scheme's plus the regulariser's.</summary>
internal sealed record ObjectiveResult(
    Tensor Loss, Tensor CrossEntropy, Tensor AveragedLogits, DistillationTerm Distillation, IReadOnlyDictionary<string, Diagnostic> Diagnostics);

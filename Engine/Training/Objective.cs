using Neuromorph.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The training objective <c>L = CE(O, y) + D (+ R)</c>: cross-entropy of the time-averaged logits
/// <c>O = mean_t o(t)</c> plus the distillation scheme's term computed from all timesteps, plus the
/// orthogonality regulariser of regularized adversarial training when one is set.
/// </summary>
internal sealed class Objective(IDistillationScheme scheme)
{
    private readonly System.Diagnostics.Stopwatch schemeWatch = new();

    public IDistillationScheme Scheme { get; set; } = scheme;

    /// <summary>Total time spent in the scheme's forward computation (its cost in every iteration).</summary>
    public TimeSpan SchemeTime => schemeWatch.Elapsed;

    /// <summary>The weight regulariser added to the loss, or null for none. Reported as the diagnostic <see cref="PenaltyDiagnostic"/>.</summary>
    public Robustness.OrthogonalityPenalty? Regularizer { get; init; }

    /// <summary>The diagnostic name under which the regulariser's value is recorded.</summary>
    public const string PenaltyDiagnostic = "orthogonality_penalty";

    public ObjectiveResult Compute(Tensor timestepLogits, Tensor labels)
    {
        var averaged = timestepLogits.mean([0]);
        var crossEntropy = cross_entropy(averaged, labels);
        schemeWatch.Start();
        var term = Scheme.Compute(timestepLogits, Scheme.UsesLabels ? labels : null);
        schemeWatch.Stop();
        if (term.Loss.numel() != 1)
            throw new InvalidOperationException(
                $"The distillation scheme returned a loss of shape [{string.Join(", ", term.Loss.shape)}]; it must be a scalar.");
        var loss = crossEntropy + term.Loss.reshape([]);
        if (Regularizer is null)
            return new ObjectiveResult(loss, crossEntropy, averaged, term, term.Diagnostics);
        var penalty = Regularizer.Compute();
        var diagnostics = new Dictionary<string, Diagnostic>(term.Diagnostics)
        {
            [PenaltyDiagnostic] = Diagnostic.Scalar(penalty.item<float>()),
        };
        return new ObjectiveResult(loss + penalty, crossEntropy, averaged, term, diagnostics);
    }
}

/// <summary>The objective's parts for one iteration; <see cref="Diagnostics"/> are the scheme's plus the regulariser's.</summary>
internal sealed record ObjectiveResult(
    Tensor Loss, Tensor CrossEntropy, Tensor AveragedLogits, DistillationTerm Distillation, IReadOnlyDictionary<string, Diagnostic> Diagnostics);

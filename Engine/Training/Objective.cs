using Neuromorph.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The training objective <c>L = CE(O, y) + D</c>: cross-entropy of the time-averaged logits
/// <c>O = mean_t o(t)</c> plus the distillation scheme's term computed from all timesteps.
/// </summary>
internal sealed class Objective(IDistillationScheme scheme)
{
    private readonly System.Diagnostics.Stopwatch schemeWatch = new();

    public IDistillationScheme Scheme { get; set; } = scheme;

    /// <summary>Total time spent in the scheme's forward computation (its cost in every iteration).</summary>
    public TimeSpan SchemeTime => schemeWatch.Elapsed;

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
        return new ObjectiveResult(crossEntropy + term.Loss.reshape([]), crossEntropy, averaged, term);
    }
}

/// <summary>The objective's parts for one iteration.</summary>
internal sealed record ObjectiveResult(Tensor Loss, Tensor CrossEntropy, Tensor AveragedLogits, DistillationTerm Distillation);

using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>
/// Temporal self-distillation (method.md §2–3): rank the timesteps by confidence, then distil between them with
/// a KL divergence at temperature α; the term is λ·D (·α² when asked). Labels are never read. The plugins
/// <c>strong2weak</c> and <c>weak2strong</c> are this class with a direction.
/// </summary>
internal abstract class SelfDistillationScheme : IDistillationScheme
{
    public const string LossDiagnostic = "distillation_loss";
    public const string ConfidenceDiagnostic = "confidence";
    public const string StrongCountsDiagnostic = "strong_counts";
    public const string WeakCountsDiagnostic = "weak_counts";

    protected SelfDistillationScheme(SelfDistillationOptions options, PluginContext context, DistillationDirection direction)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        SelfDistillationOptionsValidation.Validate(options, context.Timesteps);
        Options = options;
        Direction = direction;
    }

    public SelfDistillationOptions Options { get; }

    public DistillationDirection Direction { get; }

    public bool UsesLabels => false;

    public DistillationTerm Compute(Tensor timestepLogits, Tensor? labels)
    {
        ValidateShape(timestepLogits);
        using var scope = NewDisposeScope();
        var ranking = TimestepRanking.From(TimestepConfidence.Compute(timestepLogits, Options.Confidence));
        var loss = ranking.IsDegenerate
            ? zeros([], timestepLogits.dtype, timestepLogits.device)
            : WeightedDivergence(timestepLogits, ranking);
        var diagnostics = new Dictionary<string, Diagnostic>
        {
            [LossDiagnostic] = Diagnostic.Scalar(loss.detach().to(float64).item<double>()),
            [ConfidenceDiagnostic] = new(ranking.Confidences, DiagnosticAggregation.Mean),
            [StrongCountsDiagnostic] = new(ranking.OneHot(ranking.Strong), DiagnosticAggregation.Sum),
            [WeakCountsDiagnostic] = new(ranking.OneHot(ranking.Weak), DiagnosticAggregation.Sum),
        };
        return new DistillationTerm(loss.MoveToOuterDisposeScope(), diagnostics);
    }

    /// <summary>λ·D, times α² when <see cref="SelfDistillationOptions.ScaleByTemperatureSquared"/> is set.</summary>
    private Tensor WeightedDivergence(Tensor logits, TimestepRanking ranking)
    {
        var distributions = new SoftenedDistributions(logits, Options.Temperature, Options.EnsembleOver, Options.DetachTeacher);
        var divergence = VariantDivergence.Compute(Options.Variant, Options.EnsembleStudent, Direction, ranking, distributions);
        var factor = Options.Weight * (Options.ScaleByTemperatureSquared ? Options.Temperature * Options.Temperature : 1.0);
        return divergence * factor;
    }

    // Native ops may abort the process on a bad shape: check in managed code first.
    private void ValidateShape(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var shape = $"[{string.Join(", ", logits.shape)}]";
        if (logits.dim() != 3)
            throw new ArgumentException(
                $"Self-distillation needs the per-timestep logits as [T, B, M]; got a tensor of shape {shape}.", nameof(logits));
        if (!logits.is_floating_point())
            throw new ArgumentException($"Self-distillation needs floating-point logits; got {logits.dtype}.", nameof(logits));
        var needed = VariantDivergence.MinimumTimesteps(Options.Variant);
        if (logits.shape[0] < needed)
            throw new ArgumentException(
                $"The {OptionSpelling.Of(Options.Variant)} variant needs at least {needed} timesteps; got logits of shape {shape}.",
                nameof(logits));
        if (logits.shape[1] < 1)
            throw new ArgumentException($"Self-distillation needs at least one sample; got logits of shape {shape}.", nameof(logits));
        var classesNeeded = Options.Confidence == ConfidenceMetric.Margin ? 2 : 1;
        if (logits.shape[2] < classesNeeded)
            throw new ArgumentException(
                $"The {OptionSpelling.Of(Options.Confidence)} confidence needs at least {classesNeeded} classes; got logits of shape {shape}.",
                nameof(logits));
    }
}

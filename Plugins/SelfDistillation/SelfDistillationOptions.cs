namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>
/// Options of the temporal self-distillation schemes <c>strong2weak</c> and <c>weak2strong</c>, bound from the
/// <c>[distillation]</c> table. The defaults are method.md's: where the paper is silent, the choice it
/// implies (no detach, no α² factor, ensembles over logits, separate KL terms for an ensemble of students).
/// </summary>
/// <param name="Variant">Which timesteps teach which: one-to-one, ensemble-teacher, ensemble-student, simultaneous or cascade.</param>
/// <param name="Temperature">α (&gt; 0): the distributions compared are softmax(o(t) / α).</param>
/// <param name="Weight">λ (≥ 0): the term added to the cross-entropy is λ·D.</param>
/// <param name="Confidence">How the strong and weak timesteps are ranked: max-probability, entropy or margin.</param>
/// <param name="DetachTeacher">Whether the teacher's distribution is cut from the gradient.</param>
/// <param name="ScaleByTemperatureSquared">Whether D is multiplied by α² (Hinton's correction of the gradient scale).</param>
/// <param name="EnsembleOver">What an ensemble of timesteps averages: logits or probabilities.</param>
/// <param name="EnsembleStudent">ensemble-student only: separate KL terms per student, or one KL to their mean.</param>
public sealed record SelfDistillationOptions(
    SelfDistillationVariant Variant = SelfDistillationVariant.OneToOne,
    double Temperature = 2.0,
    double Weight = 1.0,
    ConfidenceMetric Confidence = ConfidenceMetric.MaxProbability,
    bool DetachTeacher = false,
    bool ScaleByTemperatureSquared = false,
    EnsembleAveraging EnsembleOver = EnsembleAveraging.Logits,
    EnsembleStudentForm EnsembleStudent = EnsembleStudentForm.Separate);

using static TorchSharp.torch;

namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>
/// The distillation term D of method.md §3 for every variant in both directions. The direction fixes the
/// ends of the ranking: Strong2Weak's teacher is t_s and its student t_w, Weak2Strong's the reverse.
/// </summary>
internal static class VariantDivergence
{
    /// <summary>The fewest timesteps a variant is defined for.</summary>
    public static int MinimumTimesteps(SelfDistillationVariant variant) => variant switch
    {
        SelfDistillationVariant.OneToOne or SelfDistillationVariant.Simultaneous => 2,
        _ => 3,
    };

    public static Tensor Compute(
        SelfDistillationVariant variant,
        EnsembleStudentForm studentForm,
        DistillationDirection direction,
        TimestepRanking ranking,
        SoftenedDistributions q)
    {
        var teacher = direction == DistillationDirection.StrongToWeak ? ranking.Strong : ranking.Weak;
        var student = direction == DistillationDirection.StrongToWeak ? ranking.Weak : ranking.Strong;
        var timesteps = ranking.Confidences.Length;
        return variant switch
        {
            SelfDistillationVariant.OneToOne => q.Divergence(q.Of(teacher), q.Of(student)),
            SelfDistillationVariant.EnsembleTeacher => q.Divergence(q.OfEnsemble(AllBut(student, timesteps)), q.Of(student)),
            SelfDistillationVariant.EnsembleStudent => EnsembleOfStudents(studentForm, teacher, timesteps, q),
            SelfDistillationVariant.Simultaneous =>
                q.Divergence(q.Of(ranking.Strong), q.Of(ranking.Weak)) + q.Divergence(q.Of(ranking.Weak), q.Of(ranking.Strong)),
            SelfDistillationVariant.Cascade => Cascade(direction, ranking, q),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown self-distillation variant."),
        };
    }

    /// <summary>One teacher, the T−1 other timesteps as students: separate KL terms averaged, or one KL to their ensemble.</summary>
    private static Tensor EnsembleOfStudents(EnsembleStudentForm form, int teacher, int timesteps, SoftenedDistributions q)
    {
        var students = AllBut(teacher, timesteps);
        if (form == EnsembleStudentForm.Mean)
            return q.Divergence(q.Of(teacher), q.OfEnsemble(students));
        var total = q.Divergence(q.Of(teacher), q.Of(students[0]));
        for (var i = 1; i < students.Length; i++)
            total = total + q.Divergence(q.Of(teacher), q.Of(students[i]));
        return total / students.Length;
    }

    /// <summary>
    /// Along the ranking r_1..r_T (confidence descending): Strong2Weak averages KL(q_{r_i}‖q_{r_{i+1}}),
    /// Weak2Strong KL(q_{r_{i+1}}‖q_{r_i}), over the T−1 neighbouring pairs.
    /// </summary>
    private static Tensor Cascade(DistillationDirection direction, TimestepRanking ranking, SoftenedDistributions q)
    {
        var chain = direction == DistillationDirection.StrongToWeak
            ? ranking.Descending
            : ranking.Descending.Reverse().ToArray();
        var total = q.Divergence(q.Of(chain[0]), q.Of(chain[1]));
        for (var i = 1; i < chain.Length - 1; i++)
            total = total + q.Divergence(q.Of(chain[i]), q.Of(chain[i + 1]));
        return total / (chain.Length - 1);
    }

    private static int[] AllBut(int excluded, int timesteps) =>
        Enumerable.Range(0, timesteps).Where(t => t != excluded).ToArray();
}

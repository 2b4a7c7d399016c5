namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>Which timesteps teach which (method §3). Written in TOML in kebab-case: <c>variant = "one-to-one"</c>.</summary>
public enum SelfDistillationVariant
{
    /// <summary>One KL between the strongest and the weakest timestep. Needs T ≥ 2.</summary>
    OneToOne,

    /// <summary>The teacher is the mean of the T−1 timesteps other than the student. Needs T ≥ 3.</summary>
    EnsembleTeacher,

    /// <summary>One teacher, the T−1 other timesteps its students. Needs T ≥ 3.</summary>
    EnsembleStudent,

    /// <summary>Both directions at once: KL(q_s‖q_w) + KL(q_w‖q_s), the same in either scheme. Needs T ≥ 2.</summary>
    Simultaneous,

    /// <summary>A chain along the confidence ranking: each timestep teaches the next. Needs T ≥ 3.</summary>
    Cascade,
}

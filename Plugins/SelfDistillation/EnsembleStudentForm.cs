namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>How the <c>ensemble-student</c> variant treats its T−1 students.</summary>
public enum EnsembleStudentForm
{
    /// <summary>The mean of T−1 separate KL terms, one per student timestep.</summary>
    Separate,

    /// <summary>One KL term whose student is the ensemble (see <see cref="EnsembleAveraging"/>) of the T−1 timesteps.</summary>
    Mean,
}

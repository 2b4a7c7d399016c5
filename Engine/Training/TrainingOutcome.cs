namespace Neuromorph.Engine.Training;

/// <summary>How a training run ended.</summary>
internal enum TrainingOutcome
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>Stopped on request after finishing an iteration; a checkpoint holds the progress.</summary>
    Interrupted,
}

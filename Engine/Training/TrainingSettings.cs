namespace Neuromorph.Engine.Training;

/// <summary>How long to train and what to keep.</summary>
internal sealed record TrainingSettings(int Epochs, bool KeepBest = true);

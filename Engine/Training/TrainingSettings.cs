namespace Neuromorph.Engine.Training;

/// <summary>How long to train and what to keep.</summary>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="KeepBest">Whether <c>best.ckpt</c> keeps the epoch with the best test accuracy.</param>
/// <param name="CheckpointEvery">How often <c>last.ckpt</c> is also written between epoch ends; zero: only at epoch ends.</param>
internal sealed record TrainingSettings(int Epochs, bool KeepBest = true, TimeSpan CheckpointEvery = default);

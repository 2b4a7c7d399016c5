namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[checkpoint]</c> table.</summary>
/// <param name="KeepBest">Whether the checkpoint with the best test accuracy is kept besides the last one.</param>
internal sealed record CheckpointSection(bool KeepBest = true);

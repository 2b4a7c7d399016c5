namespace Neuromorph.Host.Configuration;

/// <summary>The <c>[checkpoint]</c> table.</summary>
/// <param name="KeepBest">Whether the checkpoint with the best test accuracy is kept besides the last one.</param>
/// <param name="EveryMinutes">
/// How often <c>last.ckpt</c> is also written between epoch ends (at the next iteration boundary once that many minutes
/// have passed), so a crash or a kill loses at most that much work; 0 writes it at epoch ends only.
/// </param>
internal sealed record CheckpointSection(bool KeepBest = true, double EveryMinutes = 10);

namespace Neuromorph.Host.Cli;

/// <summary>
/// What <c>eval</c> was asked: the run directory, which checkpoint (<c>best</c> or <c>last</c>), how many
/// timesteps to simulate (<c>null</c>: the run's T) and the early-exit thresholds θ to report.
/// </summary>
internal sealed record EvalRequest(string RunDir, string Checkpoint, int? Timesteps, IReadOnlyList<double> EarlyExitThresholds);

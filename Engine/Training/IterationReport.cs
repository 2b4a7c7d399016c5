using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Training;

/// <summary>
/// What one training iteration did: its loss, how many samples the time-averaged output got right of how many, the
/// learning rate it used, its seconds (inputs to readout) and the scheme's and regulariser's figures.
/// </summary>
internal sealed record IterationReport(
    float Loss, long Correct, int Samples, double LearningRate, double Seconds, IReadOnlyDictionary<string, Diagnostic> Diagnostics);

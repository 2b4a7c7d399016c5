using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Training;

/// <summary>
/// What one training iteration did: its loss, how many samples the time-averaged output got right of how many, the
/// learning rate it used, its seconds (inputs to readout), the scheme's and regulariser's figures and the spikes of its
/// forward pass.
/// </summary>
internal sealed record IterationReport(
    float Loss, long Correct, int Samples, double LearningRate, double Seconds, IReadOnlyDictionary<string, Diagnostic> Diagnostics,
    FiringTally Firing);

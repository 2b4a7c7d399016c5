using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Test-set accuracy of the mean-over-T prediction, and of the prediction that uses only the first k
/// timesteps: <see cref="AccuracyAtTimesteps"/>[k-1] (so its last element equals <see cref="Accuracy"/>).
/// <see cref="EarlyExit"/> holds one entry per requested early-exit threshold, in the order requested; <see cref="Firing"/>
/// the spikes of every neuron layer over the whole set.
/// </summary>
internal sealed record EvaluationResult(
    int Samples, double Accuracy, double[] AccuracyAtTimesteps, IReadOnlyList<EarlyExitCounts> EarlyExit, FiringTally Firing)
{
    /// <summary>T: how many timesteps the evaluated network simulated.</summary>
    public int Timesteps => AccuracyAtTimesteps.Length;
}

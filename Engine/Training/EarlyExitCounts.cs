namespace Neuromorph.Engine.Training;

/// <summary>
/// Early-exit tallies for one confidence threshold θ: how many samples were predicted correctly at their
/// exit timestep, and the total number of timesteps they used (a sample exiting at timestep t uses t).
/// </summary>
internal sealed record EarlyExitCounts(double Threshold, long Correct, long TimestepsUsed, long Samples)
{
    public double Accuracy => Samples == 0 ? 0 : (double)Correct / Samples;

    /// <summary>The mean number of timesteps a sample needed before exiting (between 1 and T).</summary>
    public double MeanTimesteps => Samples == 0 ? 0 : (double)TimestepsUsed / Samples;

    /// <summary>These tallies and another batch's for the same threshold, together.</summary>
    public EarlyExitCounts Plus(EarlyExitCounts other)
    {
        if (other.Threshold != Threshold)
            throw new ArgumentException($"Cannot add early-exit tallies of threshold {other.Threshold} to those of {Threshold}.", nameof(other));
        return new EarlyExitCounts(Threshold, Correct + other.Correct, TimestepsUsed + other.TimestepsUsed, Samples + other.Samples);
    }
}

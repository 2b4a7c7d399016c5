namespace Neuromorph.Engine.Training;

/// <summary>
/// Where training stands: the current epoch (0-based), the iteration within it and overall. One iteration
/// is one mini-batch, the frame of the training loop; inside it the network steps through T timesteps.
/// </summary>
internal readonly record struct SimulationClock(int Epoch, int IterationInEpoch, long GlobalIteration, int IterationsPerEpoch, int Epochs)
{
    public bool IsFinished => Epoch >= Epochs;

    /// <summary>The clock after one more iteration.</summary>
    public SimulationClock Next() => this with { IterationInEpoch = IterationInEpoch + 1, GlobalIteration = GlobalIteration + 1 };

    /// <summary>The clock at the start of the next epoch.</summary>
    public SimulationClock NextEpoch() => this with { Epoch = Epoch + 1, IterationInEpoch = 0 };
}

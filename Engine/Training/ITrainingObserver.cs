namespace Neuromorph.Engine.Training;

/// <summary>Watches a training run: called on the training thread between iterations and after each epoch.</summary>
internal interface ITrainingObserver
{
    void RunStarted(SimulationClock clock) { }

    void IterationCompleted(SimulationClock clock, IterationReport report) { }

    void EpochCompleted(EpochMetrics metrics) { }

    void CheckpointWritten(string path, SimulationClock clock) { }
}

/// <summary>What one iteration did: its loss, how many of its samples were right, its learning rate.</summary>
internal readonly record struct IterationReport(double Loss, long Correct, int Samples, double LearningRate, double Seconds);

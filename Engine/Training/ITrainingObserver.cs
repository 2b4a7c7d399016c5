using Neuromorph.Engine.Network;

namespace Neuromorph.Engine.Training;

/// <summary>Watches a training run: called on the training thread between iterations and after each epoch.</summary>
internal interface ITrainingObserver
{
    void RunStarted(SimulationClock clock) { }

    void IterationCompleted(SimulationClock clock, IterationReport report) { }

    /// <summary>The neuron model in force declares other parameters: the layers followed it (after hot reload).</summary>
    void NeuronParametersChanged(IReadOnlyList<NeuronParameterChange> changes) { }

    void EpochCompleted(EpochMetrics metrics) { }

    void CheckpointWritten(string path, SimulationClock clock) { }

    /// <summary>
    /// An iteration failed before it changed any weight (<paramref name="failure"/> ends the run), and <c>last.ckpt</c>
    /// was written from the last completed iteration, which <paramref name="clock"/> counts.
    /// </summary>
    void SavedAfterFailure(SimulationClock clock, Exception failure) { }
}

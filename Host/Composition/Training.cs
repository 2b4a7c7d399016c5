using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Composition;

/// <summary>A training built by <see cref="ExperimentFactory.CreateTraining"/>: its loop and the hot reloads beside it.</summary>
internal sealed class Training(TrainingLoop loop, IReadOnlyList<IDisposable> reloads) : IDisposable
{
    public TrainingLoop Loop { get; } = loop;

    public void Dispose()
    {
        foreach (var reload in reloads) reload.Dispose();
        Loop.Dispose();
    }
}

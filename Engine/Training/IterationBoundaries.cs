namespace Neuromorph.Engine.Training;

/// <summary>Several <see cref="IIterationBoundary"/> applied in order at each boundary, their records concatenated.</summary>
internal sealed class IterationBoundaries(IReadOnlyList<IIterationBoundary> boundaries) : IIterationBoundary
{
    public IReadOnlyList<PluginReload> Apply(SimulationClock clock) =>
        boundaries.SelectMany(boundary => boundary.Apply(clock)).ToArray();
}

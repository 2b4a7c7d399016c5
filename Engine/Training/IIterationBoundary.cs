namespace Neuromorph.Engine.Training;

/// <summary>
/// The one point where a running training may change what it is made of (a plugin swapped for a new version):
/// between two iterations, on the training thread, after the optimizer step and the observers and outside any
/// dispose scope. The weights, the optimizer state, the learning-rate schedule position, the data order and
/// the random streams are the loop's and are never handed to it.
/// </summary>
internal interface IIterationBoundary
{
    /// <summary>
    /// Applies whatever is pending before the next iteration. <paramref name="clock"/> counts the iterations
    /// done so far. Returns what happened, for the current epoch's line in <c>metrics.jsonl</c>.
    /// </summary>
    IReadOnlyList<PluginReload> Apply(SimulationClock clock);
}

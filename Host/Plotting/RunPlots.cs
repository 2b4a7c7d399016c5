using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// Every figure a run's files allow, into its <c>plots/</c> folder: loss and accuracy per epoch, accuracy with the first
/// k timesteps and early exit, strong/weak selection counts and confidence per timestep, firing rates, robust accuracy
/// against ε. A figure whose data the run does not have is skipped with the reason.
/// </summary>
internal static class RunPlots
{
    /// <param name="run">The run.</param>
    /// <param name="robustnessFiles">Robustness reports to plot besides the run's <c>robustness*.json</c> (relative to it).</param>
    /// <param name="tolerant">
    /// After another command (<c>train</c>, <c>eval</c>, <c>attack</c>): a figure that fails (a corrupt report, a renderer
    /// error) is reported as skipped and the others are still drawn. Otherwise the first failure is thrown.
    /// </param>
    /// <exception cref="RunDirectoryException">Not <paramref name="tolerant"/>: a report is missing or does not read (exit 3).</exception>
    public static DrawnFigures Draw(PlottedRun run, IReadOnlyList<string> robustnessFiles, bool tolerant)
    {
        var drawn = new DrawnFigures();
        Step("loss and accuracy per epoch", () => EpochCurves.Draw(run, drawn));
        Step("accuracy against timesteps", () => TimestepAccuracy.Draw(run, RunReports.Evaluations(run.Directory), drawn));
        Step("strong/weak selection counts", () => SelectionCounts.Draw(run, drawn));
        Step("confidence per timestep", () => TimestepConfidence.Draw(run, drawn));
        Step("firing rates", () => FiringRateMap.Draw(run, drawn));
        Step("robust accuracy against ε", () => RobustnessCurves.Draw(run, RunReports.Robustness(run.Directory, robustnessFiles), drawn));
        return drawn;

        void Step(string figure, Action draw)
        {
            if (!tolerant)
            {
                draw();
                return;
            }
            try
            {
                draw();
            }
            catch (Exception exception)
            {
                drawn.Skip(figure, ErrorReport.Classify(exception).Message);
            }
        }
    }
}

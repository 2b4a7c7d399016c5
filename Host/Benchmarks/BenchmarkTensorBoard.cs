using Neuromorph.Engine.Training;
using Neuromorph.Host.TensorBoard;

namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// <c>bench csnn --tensorboard-every N</c>: the reporter <c>train</c> uses (<see cref="TensorBoardReporter"/>) writing
/// each N-th step's iteration events into a temporary run folder, removed when disposed, so that the timed steps pay
/// what a run's steps pay for TensorBoard.
/// </summary>
internal sealed class BenchmarkTensorBoard : IDisposable
{
    /// <summary>How the temporary run folders are named, followed by a GUID.</summary>
    public const string FolderPrefix = "neuromorph-bench-tensorboard-";

    private readonly string folder;
    private readonly TensorBoardReporter reporter;
    private readonly int iterations;

    private BenchmarkTensorBoard(string folder, TensorBoardReporter reporter, int iterations)
    {
        this.folder = folder;
        this.reporter = reporter;
        this.iterations = iterations;
    }

    /// <summary>The writer of <paramref name="settings"/>, or null when it writes no TensorBoard events.</summary>
    public static BenchmarkTensorBoard? Start(CsnnBenchmarkSettings settings)
    {
        if (settings.TensorBoardEvery == 0) return null;
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var iterations = settings.Warmup + settings.Iterations;
        var reporter = TensorBoardReporter.Create(new RunDirectory(folder), settings.TensorBoardEvery, iterations, _ => { });
        reporter.RunStarted(Clock(0, iterations));
        return new BenchmarkTensorBoard(folder, reporter, iterations);
    }

    /// <summary>What <c>train</c> does after step <paramref name="iteration"/>: its events, when it is a logged step.</summary>
    public void Record(long iteration, IterationReport report) => reporter.IterationCompleted(Clock(iteration, iterations), report);

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind does not change the measurement.
        }
    }

    /// <summary>One epoch of <paramref name="iterations"/> steps, at <paramref name="iteration"/>.</summary>
    private static SimulationClock Clock(long iteration, int iterations) => new(0, (int)iteration, iteration, iterations, 1);
}

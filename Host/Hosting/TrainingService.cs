using Microsoft.Extensions.Hosting;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// Runs the training loop as the host's background service. Ctrl+C or SIGTERM cancels the stopping token;
/// the loop finishes its iteration, writes a checkpoint and the service exits with code 130.
/// </summary>
internal sealed class TrainingService(TrainingLoop loop, IHostApplicationLifetime lifetime, TextWriter error) : BackgroundService
{
    /// <summary>The exit code the run ended with.</summary>
    public int ExitCode { get; private set; } = ExitCodes.RuntimeFailure;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // One dedicated thread: dispose scopes are per thread, and the loop is synchronous CPU work.
        Task.Factory.StartNew(() => RunLoop(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void RunLoop(CancellationToken stoppingToken)
    {
        try
        {
            var outcome = loop.Run(stoppingToken);
            ExitCode = outcome == TrainingOutcome.Interrupted ? ExitCodes.Interrupted : ExitCodes.Success;
            if (outcome == TrainingOutcome.Interrupted)
                error.WriteLine((Console.IsErrorRedirected ? "" : Environment.NewLine) + "interrupted: checkpoint written; continue with --resume.");
        }
        catch (Exception exception)
        {
            ExitCode = ErrorReport.Write(exception, error);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}

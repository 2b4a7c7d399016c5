using System.Runtime.InteropServices;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// Runs the start-up of a training (configuration, plugins, data, network) so that a stop signal ends it promptly
/// whatever it is doing. The work runs on its own thread and checks the token between its stages; after a signal it
/// gets <see cref="GracePeriod"/> to reach such a check. Start-up blocked in a system call that never returns (a FIFO
/// given as a data file waits for a writer) does not reach one: the process then ends at once with the interrupted
/// exit code, which is safe because start-up has trained nothing and writes every file by rename.
/// </summary>
internal static partial class InterruptibleStartUp
{
    /// <summary>How long start-up may take to notice a stop before the process is ended for it.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="work"/>; throws <see cref="StartUpInterruptedException"/> when <paramref name="stopping"/>
    /// is cancelled before it returns (its result, if it still returns, is disposed).
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken stopping, TextWriter error)
        where T : class, IDisposable
    {
        var task = Task.Factory.StartNew(
            () => work(stopping), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var stopped = Task.Delay(Timeout.Infinite, stopping);
        if (await Task.WhenAny(task, stopped) == task && !stopping.IsCancellationRequested)
            return await task;

        // A stop arrived: let start-up reach its next check, then report the interruption.
        await Task.WhenAny(task, Task.Delay(GracePeriod));
        if (!task.IsCompleted)
        {
            error.WriteLine($"interrupted during start-up, which did not stop within {GracePeriod.TotalSeconds:0} s " +
                            "(it waits on a file or device); nothing was trained.");
            error.Flush();
            Console.Out.Flush();
            // Leaving through exit() would run libtorch's static destructors under the thread still inside start-up.
            ExitImmediately(ExitCodes.Interrupted);
        }
        if (task.IsCompletedSuccessfully) task.Result.Dispose();
        throw new StartUpInterruptedException();
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void ExitImmediately(int status);
}

/// <summary>Start-up was stopped by Ctrl+C or SIGTERM before training began.</summary>
internal sealed class StartUpInterruptedException()
    : OperationCanceledException("interrupted during start-up; nothing was trained.");

using System.Diagnostics;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// Runs a sweep's tasks as child processes of this machine, <paramref name="parallel"/> at once, each with its share of
/// the cores for a run that does not set <c>run.threads</c>. A stop (Ctrl+C or SIGTERM) is passed on to every child as
/// SIGTERM, so each writes its checkpoint; no new task starts after it. Each task's output goes to its log files.
/// </summary>
internal sealed class LocalExecutor(SweepDirectory sweep, SweepPlan plan, int parallel, TextWriter output)
{
    private readonly object gate = new();
    private readonly HashSet<Process> children = [];
    private int done;
    private int running;
    private int left;

    /// <summary>Threads per task: the machine's cores divided among the tasks running at once.</summary>
    public int ThreadsPerTask => Math.Max(1, Environment.ProcessorCount / parallel);

    /// <summary>Runs <paramref name="runs"/>; returns each run's task exit code (runs not started after a stop are absent).</summary>
    public async Task<IReadOnlyDictionary<PlannedRun, int>> RunAsync(IReadOnlyList<PlannedRun> runs, CancellationToken stop)
    {
        var codes = new Dictionary<PlannedRun, int>();
        left = runs.Count;
        Directory.CreateDirectory(sweep.LogsPath);
        using var forward = stop.Register(StopChildren);
        using var slots = new SemaphoreSlim(parallel);
        var tasks = new List<Task>();
        foreach (var run in runs)
        {
            await slots.WaitAsync(CancellationToken.None);
            if (stop.IsCancellationRequested)
            {
                slots.Release();
                break;
            }
            // Started here, in plan order (RunOneAsync starts the process before its first await); awaited below.
            tasks.Add(RunAndReleaseAsync(run));
        }
        await Task.WhenAll(tasks);
        return codes;

        async Task RunAndReleaseAsync(PlannedRun run)
        {
            try
            {
                var code = await RunOneAsync(run);
                lock (gate) codes[run] = code;
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private async Task<int> RunOneAsync(PlannedRun run)
    {
        var host = HostCommand.Current();
        var start = new ProcessStartInfo(host[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in host.Skip(1)) start.ArgumentList.Add(part);
        foreach (var argument in (string[])["sweep", "task", sweep.Path, $"{run.Index}", "--threads", $"{ThreadsPerTask}"])
            start.ArgumentList.Add(argument);
        var stopwatch = Stopwatch.StartNew();
        Process process;
        lock (gate)
        {
            process = Process.Start(start)!;
            children.Add(process);
            left--;
            running++;
            Report($"started  {run.Name} (task {run.Index}; log {Relative(sweep.Log(run.Index, error: false))})");
        }
        // Unbuffered: a log shows what a task printed as soon as it printed it.
        await using (var outLog = new FileStream(sweep.Log(run.Index, error: false), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0))
        await using (var errLog = new FileStream(sweep.Log(run.Index, error: true), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0))
        {
            await Task.WhenAll(
                process.StandardOutput.BaseStream.CopyToAsync(outLog),
                process.StandardError.BaseStream.CopyToAsync(errLog),
                process.WaitForExitAsync());
        }
        var code = process.ExitCode;
        lock (gate)
        {
            children.Remove(process);
            process.Dispose();
            running--;
            done++;
            var state = SweepRunState.Of(sweep, plan, run);
            Report(code switch
            {
                ExitCodes.Success => $"finished {run.Name}: {Accuracy(state)} in {Duration(stopwatch.Elapsed)}",
                ExitCodes.Interrupted => $"stopped  {run.Name}: checkpoint written; 'sweep run' again resumes it",
                _ => $"failed   {run.Name}: {state.Outcome?.Error ?? $"exit {code}"} (exit {code}; log {Relative(sweep.Log(run.Index, error: true))})",
            });
        }
        return code;
    }

    private void StopChildren()
    {
        lock (gate)
            foreach (var child in children)
                SignalForwarding.Send(child.Id, SignalForwarding.Terminate);
    }

    private void Report(string line) => output.WriteLine($"{line}  [{done} done, {running} running, {left} left]");

    private string Relative(string path) => Path.GetRelativePath(sweep.Path, path);

    private static string Accuracy(SweepRunState state) => state.Summary is { } summary
        ? $"test accuracy {summary.TestAccuracy * 100:0.00}% (best {summary.BestTestAccuracy * 100:0.00}%, epoch {summary.BestEpoch})"
        : "done";

    internal static string Duration(TimeSpan time) =>
        time.TotalHours >= 1 ? $"{(int)time.TotalHours}h{time.Minutes:00}m" : time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes}m{time.Seconds:00}s" : $"{time.TotalSeconds:0.0}s";
}

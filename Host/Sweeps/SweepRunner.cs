using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// <c>sweep run</c>: prepares the sweep (every run validated before anything is written), then runs what is not yet
/// completed with the chosen executor. Running it again skips completed runs, resumes interrupted ones and starts the
/// rest.
/// </summary>
internal static class SweepRunner
{
    public static async Task<int> RunAsync(SweepRunRequest request, TextWriter output, TextWriter error)
    {
        using var stop = StopSignal.Listen(line => error.WriteLine(line.Replace("stopping at the next safe point", "stopping every running task at its next safe point")));
        try
        {
            var preparation = SweepPreparation.Prepare(request.SweepFile, request.SweepDirectory);
            var (_, directory, plan) = preparation;
            var states = SweepRunState.All(directory, plan);
            var toRun = states.Where(s => s.State is not (RunState.Completed or RunState.Running)).Select(s => s.Run).ToArray();
            var completed = states.Count(s => s.State == RunState.Completed);
            var running = states.Count(s => s.State == RunState.Running);
            if (request.DryRun)
            {
                SweepPlanTable.Write(plan, states, output);
                output.WriteLine($"dry run: {toRun.Length} of {plan.Runs.Count} runs would run ({completed} completed, {running} running); nothing was written.");
                return ExitCodes.Success;
            }
            preparation.Write();
            output.WriteLine($"sweep '{plan.Name}' in {directory.Path}: {plan.Runs.Count} runs; {completed} completed, {running} running elsewhere, {toRun.Length} to run.");
            if (toRun.Length == 0) return running == 0 ? ExitCodes.Success : ExitCodes.RuntimeFailure;

            var executor = new LocalExecutor(directory, plan, request.Parallel, output);
            output.WriteLine($"running {toRun.Length} runs here, {request.Parallel} at a time, {executor.ThreadsPerTask} threads each (for runs that do not set run.threads).");
            var codes = await executor.RunAsync(toRun, stop.Token);
            var failed = codes.Count(c => c.Value is not (ExitCodes.Success or ExitCodes.Interrupted));
            var finalStates = SweepRunState.All(directory, plan);
            output.WriteLine(SweepPlanTable.Summary(finalStates));
            if (stop.Token.IsCancellationRequested)
            {
                error.WriteLine("interrupted: running tasks wrote their checkpoints; 'sweep run' with the same file continues the sweep.");
                return ExitCodes.Interrupted;
            }
            if (failed > 0)
            {
                error.WriteLine($"error: {failed} run{(failed == 1 ? "" : "s")} failed (see 'sweep status {directory.Path}' and the logs in {directory.LogsPath}); the others went on.");
                return ExitCodes.RuntimeFailure;
            }
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            return ErrorReport.Write(exception, error);
        }
    }
}

using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// <c>sweep run</c>: prepares the sweep (every run validated before anything is written), then runs what is not yet
/// completed with the chosen executor: here as child processes, or on Slurm as one job array. Running it again skips
/// completed runs and runs that are running or queued, resumes interrupted ones and starts the rest.
/// </summary>
internal static class SweepRunner
{
    public static async Task<int> RunAsync(SweepRunRequest request, TextWriter output, TextWriter error)
    {
        using var stop = StopSignal.Listen(line => error.WriteLine(line.Replace("stopping at the next safe point", "stopping every running task at its next safe point")));
        try
        {
            var preparation = SweepPreparation.Prepare(request.SweepFile, request.SweepDirectory);
            var slurm = request.Executor == SweepExecutor.Slurm ? SlurmSubmission.Prepare(preparation, request.DryRun) : null;
            var (_, directory, plan) = preparation;
            var queue = SlurmQueue.Read(directory);
            var states = SweepRunState.All(directory, plan, queue);
            var toRun = states.Where(s => s.State != RunState.Completed && !s.IsUnderway).Select(s => s.Run).ToArray();
            var completed = states.Count(s => s.State == RunState.Completed);
            var underway = states.Count(s => s.IsUnderway);
            if (request.DryRun)
            {
                SweepPlanTable.Write(plan, states, output);
                if (slurm is not null && toRun.Length > 0)
                    output.Write($"{Path.GetRelativePath(directory.Path, slurm.ScriptPath)} would be:\n{slurm.Script(toRun)}");
                output.WriteLine($"dry run: {toRun.Length} of {plan.Runs.Count} runs would {(slurm is null ? "run" : "be submitted")} "
                    + $"({completed} completed, {underway} running or queued); nothing was written{(slurm is null ? "" : " or submitted")}.");
                return ExitCodes.Success;
            }
            preparation.Write();
            output.WriteLine($"sweep '{plan.Name}' in {directory.Path}: {plan.Runs.Count} runs; {completed} completed, {underway} running or queued, {toRun.Length} to run.");
            if (slurm is not null)
            {
                if (toRun.Length > 0) return slurm.Submit(toRun, output);
                output.WriteLine("nothing to submit: every run is completed, running or queued.");
                return ExitCodes.Success;
            }
            if (toRun.Length == 0)
            {
                if (underway > 0)
                    output.WriteLine($"nothing to run here: {underway} run{(underway == 1 ? " is" : "s are")} running or queued elsewhere ('sweep status {directory.Path}' follows them).");
                return ExitCodes.Success;
            }
            return await RunHereAsync(directory, plan, toRun, request.Parallel, stop.Token, output, error);
        }
        catch (Exception exception)
        {
            return ErrorReport.Write(exception, error);
        }
    }

    private static async Task<int> RunHereAsync(
        SweepDirectory directory, SweepPlan plan, IReadOnlyList<PlannedRun> toRun, int parallel, CancellationToken stop, TextWriter output, TextWriter error)
    {
        var executor = new LocalExecutor(directory, plan, parallel, output);
        output.WriteLine($"running {toRun.Count} runs here, {parallel} at a time, {executor.ThreadsPerTask} threads each (for runs that do not set run.threads).");
        var codes = await executor.RunAsync(toRun, stop);
        var failed = codes.Count(c => c.Value is not (ExitCodes.Success or ExitCodes.Interrupted));
        output.WriteLine(SweepPlanTable.Summary(SweepRunState.All(directory, plan)));
        if (stop.IsCancellationRequested)
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
}

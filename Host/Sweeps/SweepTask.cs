using Neuromorph.Host.Cli;
using Neuromorph.Host.Configuration;
using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// <c>sweep task &lt;sweep-dir&gt; &lt;index&gt;</c>: what an executor runs for one run of the plan (a local child process or
/// a Slurm array task). It holds the task's lock, trains the run (resuming it when its directory holds one; a finished
/// run is not trained again), runs the after-steps, and records the outcome. Running it again is always safe: that is
/// how a requeued or re-issued task continues.
/// </summary>
internal static class SweepTask
{
    /// <param name="threads">Threads for a run whose configuration leaves <c>run.threads</c> at 0 (the executor's share
    /// of the machine); 0 leaves it to libtorch. A run keeps the count it started with.</param>
    public static async Task<int> RunAsync(string sweepPath, int index, int threads, TextWriter output, TextWriter error)
    {
        var errors = new LastErrorLine(error);
        var started = DateTimeOffset.UtcNow;
        SweepDirectory sweep;
        PlannedRun run;
        SweepPlan plan;
        try
        {
            sweep = new SweepDirectory(sweepPath);
            plan = sweep.RequirePlan();
            run = plan.RunAt(index);
        }
        catch (Exception e)
        {
            return ErrorReport.Write(e, error);
        }

        var taskDirectory = sweep.Task(run.Name);
        using var taskLock = RunDirectoryLock.TryAcquire(taskDirectory, out var holder);
        if (taskLock is null)
        {
            error.WriteLine($"error: run '{run.Name}' of sweep '{plan.Name}' is already being run by {holder}; this task leaves it to that one.");
            return ExitCodes.UsageError;
        }
        var after = plan.AfterStepNames();
        var previous = TaskOutcome.Read(taskDirectory);
        var runDirectory = sweep.Run(run.Name);
        if (previous is { State: TaskOutcome.Completed } && previous.After.SequenceEqual(after) && runDirectory.ReadSummary() is { Completed: true })
        {
            output.WriteLine($"run '{run.Name}' already completed: nothing to do.");
            return ExitCodes.Success;
        }

        output.WriteLine($"sweep '{plan.Name}', run {run.Index} '{run.Name}': {string.Join(", ", run.Overrides.Select(o => $"{o.Key} = {o.Value}"))}");
        int code;
        try
        {
            code = await CommandLine.RunAsync([.. TrainArguments(plan, run, runDirectory, threads)], output, errors);
            foreach (var step in code == ExitCodes.Success ? plan.After : [])
            {
                output.WriteLine($"after-step: {step}");
                code = await CommandLine.RunAsync(step.CommandLine(runDirectory.Path), output, errors);
                if (code != ExitCodes.Success) break;
            }
        }
        catch (Exception e)
        {
            code = ErrorReport.Write(e, errors);
        }
        var state = code switch
        {
            ExitCodes.Success => TaskOutcome.Completed,
            ExitCodes.Interrupted => TaskOutcome.Interrupted,
            _ => TaskOutcome.Failed,
        };
        new TaskOutcome(state, code, errors.Last, Environment.MachineName, started, DateTimeOffset.UtcNow, after).Write(taskDirectory);
        return code;
    }

    /// <summary>
    /// <c>train</c>'s arguments for <paramref name="run"/>: the base file, <c>[set]</c> and the run's overrides, its run
    /// directory, <c>--resume</c> when the directory holds a run, and the thread count (<see cref="Threads"/>).
    /// </summary>
    public static IReadOnlyList<string> TrainArguments(SweepPlan plan, PlannedRun run, Engine.Training.RunDirectory runDirectory, int threads)
    {
        var sets = plan.Set.Concat(run.Assignments).ToList();
        var chosen = Threads(ConfigurationLoader.Load(plan.Base, sets).Run.Threads, runDirectory, threads);
        if (chosen > 0) sets.Add($"run.threads={chosen}");
        var arguments = new List<string> { "train", plan.Base, "--run-dir", runDirectory.Path };
        foreach (var set in sets) arguments.AddRange(["--set", set]);
        if (File.Exists(runDirectory.ConfigPath)) arguments.Add("--resume");
        return arguments;
    }

    /// <summary>
    /// The threads a run gets when its configuration leaves <c>run.threads</c> (<paramref name="configuredThreads"/>) at 0: the count its recorded configuration
    /// has when it started before (so a resume matches it), else <paramref name="offered"/>. 0 when the configuration sets
    /// its own count (or nothing is offered).
    /// </summary>
    public static int Threads(int configuredThreads, Engine.Training.RunDirectory runDirectory, int offered)
    {
        if (configuredThreads > 0) return 0;
        if (File.Exists(runDirectory.ConfigPath))
        {
            try
            {
                return ConfigurationLoader.Parse(File.ReadAllText(runDirectory.ConfigPath), runDirectory.ConfigPath, [], runDirectory.Path).Run.Threads;
            }
            catch (ConfigurationException)
            {
                return offered; // train reports the unreadable recorded configuration itself.
            }
        }
        return offered;
    }
}

using Neuromorph.Engine.Training;
using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Sweeps;

/// <summary>Where a run of a sweep stands.</summary>
internal enum RunState
{
    /// <summary>Not started (or queued).</summary>
    Pending,

    /// <summary>A task is running it now.</summary>
    Running,

    /// <summary>Trained to its last epoch, after-steps done.</summary>
    Completed,

    /// <summary>Its task ended with an error.</summary>
    Failed,

    /// <summary>Stopped part-way (a signal, a kill, a time limit): the next <c>sweep run</c> resumes it.</summary>
    Interrupted,
}

/// <summary>A run's state with what the run directory says about it: its summary (when trained) and its task's outcome.</summary>
internal sealed record SweepRunState(PlannedRun Run, RunState State, RunSummary? Summary, TaskOutcome? Outcome)
{
    /// <summary>The state of <paramref name="run"/> from its run and task directories (a reader's view: no lock is taken).</summary>
    public static SweepRunState Of(SweepDirectory sweep, SweepPlan plan, PlannedRun run)
    {
        var runDirectory = sweep.Run(run.Name);
        var taskDirectory = sweep.Task(run.Name);
        RunSummary? summary;
        try
        {
            summary = runDirectory.ReadSummary();
        }
        catch (RunDirectoryException)
        {
            summary = null;
        }
        var outcome = TaskOutcome.Read(taskDirectory);
        var after = plan.After.Select(a => a.ToString()).ToArray();
        var state =
            RunDirectoryLock.HeldHere(taskDirectory) || RunDirectoryLock.HeldHere(runDirectory.Path) ? RunState.Running
            : summary is { Completed: true } && (after.Length == 0 || outcome is { State: TaskOutcome.Completed } && outcome.After.SequenceEqual(after)) ? RunState.Completed
            : outcome is { State: TaskOutcome.Failed } ? RunState.Failed
            : outcome is not null || File.Exists(runDirectory.ConfigPath) ? RunState.Interrupted
            : RunState.Pending;
        return new SweepRunState(run, state, summary, outcome);
    }

    /// <summary>The states of every run of the plan, in index order.</summary>
    public static IReadOnlyList<SweepRunState> All(SweepDirectory sweep, SweepPlan plan) =>
        plan.Runs.OrderBy(r => r.Index).Select(r => Of(sweep, plan, r)).ToArray();
}

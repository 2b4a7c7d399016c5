using Neuromorph.Engine.Training;
using Neuromorph.Host.Hosting;

namespace Neuromorph.Host.Sweeps;

/// <summary>Where a run of a sweep stands.</summary>
internal enum RunState
{
    /// <summary>Not started, or waiting in Slurm's queue.</summary>
    Pending,

    /// <summary>A task is running it now (here, or on a node as Slurm says).</summary>
    Running,

    /// <summary>Trained to its last epoch, after-steps done.</summary>
    Completed,

    /// <summary>Its task ended with an error.</summary>
    Failed,

    /// <summary>Stopped part-way (a signal, a kill, a time limit): the next <c>sweep run</c> resumes it.</summary>
    Interrupted,
}

/// <summary>
/// A run's state with what the run directory says about it: its summary (when trained), its task's outcome, and its
/// Slurm array task when the sweep was submitted to Slurm.
/// </summary>
internal sealed record SweepRunState(PlannedRun Run, RunState State, RunSummary? Summary, TaskOutcome? Outcome, SlurmTask? Slurm = null)
{
    /// <summary>
    /// The state of <paramref name="run"/> from its run and task directories (a reader's view: no lock is taken) and
    /// from <paramref name="slurm"/>: running while Slurm runs its task (the lock's holder is on another node), pending
    /// while the task waits in the queue (also when it is requeued after an interruption).
    /// </summary>
    public static SweepRunState Of(SweepDirectory sweep, SweepPlan plan, PlannedRun run, SlurmTask? slurm = null)
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
        var after = plan.AfterStepNames();
        var state =
            RunDirectoryLock.HeldHere(taskDirectory) || RunDirectoryLock.HeldHere(runDirectory.Path) || slurm is { IsRunning: true } ? RunState.Running
            : summary is { Completed: true } && (after.Count == 0 || outcome is { State: TaskOutcome.Completed } && outcome.After.SequenceEqual(after)) ? RunState.Completed
            : slurm is { IsQueued: true } ? RunState.Pending
            : outcome is { State: TaskOutcome.Failed } ? RunState.Failed
            : outcome is not null || File.Exists(runDirectory.ConfigPath) ? RunState.Interrupted
            : RunState.Pending;
        return new SweepRunState(run, state, summary, outcome, slurm);
    }

    /// <summary>The states of every run of the plan, in index order, with <paramref name="queue"/>'s tasks when given.</summary>
    public static IReadOnlyList<SweepRunState> All(SweepDirectory sweep, SweepPlan plan, SlurmQueue? queue = null) =>
        plan.Runs.OrderBy(r => r.Index).Select(r => Of(sweep, plan, r, queue?.Tasks.GetValueOrDefault(r.Index))).ToArray();

    /// <summary>Whether a task of its own is on its way: running, or queued in Slurm (so no new task should start it).</summary>
    public bool IsUnderway => State == RunState.Running || Slurm is { IsQueued: true };
}

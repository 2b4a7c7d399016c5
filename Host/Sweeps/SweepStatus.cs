namespace Neuromorph.Host.Sweeps;

/// <summary>
/// <c>sweep status</c>: the plan with each run's state read from its run and task directories and, for a sweep submitted
/// to Slurm, each run's array task as <c>squeue</c> (or <c>sacct</c>, where accounting is on) reports it.
/// </summary>
internal static class SweepStatus
{
    public static int Write(string sweepPath, TextWriter output, TextWriter error)
    {
        try
        {
            var directory = new SweepDirectory(sweepPath);
            var plan = directory.RequirePlan();
            var queue = SlurmQueue.Read(directory);
            var states = SweepRunState.All(directory, plan, queue);
            SweepPlanTable.Write(plan, states, output);
            foreach (var note in queue?.Notes ?? []) output.WriteLine($"note: {note}");
            output.WriteLine(SweepPlanTable.Summary(states));
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            return ErrorReport.Write(exception, error);
        }
    }
}

namespace Neuromorph.Host.Sweeps;

/// <summary><c>sweep status</c>: the plan with each run's state read from its run and task directories.</summary>
internal static class SweepStatus
{
    public static int Write(string sweepPath, TextWriter output, TextWriter error)
    {
        try
        {
            var directory = new SweepDirectory(sweepPath);
            var plan = directory.RequirePlan();
            var states = SweepRunState.All(directory, plan);
            SweepPlanTable.Write(plan, states, output);
            output.WriteLine(SweepPlanTable.Summary(states));
            return ExitCodes.Success;
        }
        catch (Exception exception)
        {
            return ErrorReport.Write(exception, error);
        }
    }
}

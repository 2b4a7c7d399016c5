namespace Neuromorph.Host.Sweeps;

/// <summary>Where a sweep's tasks run: child processes here, or a Slurm job array.</summary>
internal enum SweepExecutor
{
    Local,
    Slurm,
}

/// <summary>What the user asked <c>sweep run</c> to do.</summary>
internal sealed record SweepRunRequest(string SweepFile, SweepExecutor Executor, int Parallel, string? SweepDirectory, bool DryRun);

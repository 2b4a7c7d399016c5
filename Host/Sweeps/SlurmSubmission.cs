namespace Neuromorph.Host.Sweeps;

/// <summary>
/// The Slurm executor: the runs still to do go to the cluster as one job array (<see cref="SlurmScript"/>), and
/// <c>sweep run</c> returns once <c>sbatch</c> took it. The tasks train, resume and record their outcomes by themselves;
/// <c>sweep status</c> follows them. Each submitted job is added to <c>slurm/jobs.json</c>.
/// </summary>
internal sealed class SlurmSubmission
{
    private readonly SweepPreparation preparation;
    private readonly string? sbatch;

    private SlurmSubmission(SweepPreparation preparation, string? sbatch)
    {
        this.preparation = preparation;
        this.sbatch = sbatch;
    }

    /// <summary>The script's path in the sweep directory.</summary>
    public string ScriptPath => Path.Combine(preparation.Directory.SlurmPath, "array.sbatch");

    /// <summary>Checks that the job can be submitted (the <c>[slurm]</c> table; <c>sbatch</c>, unless only a dry run).</summary>
    /// <exception cref="Configuration.ConfigurationException">The <c>[slurm]</c> table does not make a script (exit 2).</exception>
    /// <exception cref="SweepException"><c>sbatch</c> is not on <c>PATH</c> (exit 2).</exception>
    public static SlurmSubmission Prepare(SweepPreparation preparation, bool dryRun)
    {
        SlurmScript.Check(preparation.File.Slurm);
        var sbatch = SlurmClient.Find("sbatch");
        if (sbatch is null && !dryRun)
            throw new SweepException(
                "--executor slurm submits a job array with Slurm's sbatch, which is not on PATH here: run 'sweep run' where "
                + "Slurm's commands are (a cluster's login node), or make this machine a one-node cluster to try it: "
                + "'sudo tools/slurm-localhost.sh' in Neuromorph's repository. (--dry-run prints the script without Slurm.) Nothing was written.",
                ExitCodes.UsageError);
        return new SlurmSubmission(preparation, sbatch);
    }

    /// <summary>The script that runs <paramref name="runs"/>.</summary>
    public string Script(IReadOnlyList<PlannedRun> runs) =>
        SlurmScript.Text(preparation.Plan.Name, preparation.Directory, preparation.File.Slurm, runs.Select(r => r.Index), HostCommand.Current());

    /// <summary>Writes the script for <paramref name="runs"/>, submits it and records the job; returns at once.</summary>
    /// <exception cref="SweepException">sbatch refused the job (exit 1), showing what it said.</exception>
    public int Submit(IReadOnlyList<PlannedRun> runs, TextWriter output)
    {
        var directory = preparation.Directory;
        Data.AtomicFile.WriteAllText(ScriptPath, Script(runs));
        Directory.CreateDirectory(directory.LogsPath); // Slurm opens the task logs there and does not create folders.
        var result = SlurmClient.Run(sbatch!, "--parsable", ScriptPath);
        if (result.ExitCode != 0)
            throw new SweepException(
                $"sbatch refused the job array (exit {result.ExitCode}): {(result.Error.Trim().Length > 0 ? result.Error.Trim() : result.Output.Trim())}\n"
                + $"The script is {ScriptPath}; fix the [slurm] table of the sweep file and run 'sweep run' again. Nothing was submitted.",
                ExitCodes.RuntimeFailure);
        // --parsable prints "<job id>" or "<job id>;<cluster>".
        var jobId = result.Output.Trim().Split(';')[0];
        var indices = runs.Select(r => r.Index).Order().ToArray();
        var array = SlurmScript.Array(indices, preparation.File.Slurm);
        SlurmJobs.Append(directory, new SubmittedJob(jobId, array, indices, DateTimeOffset.UtcNow));
        output.WriteLine($"submitted job {jobId}: array {array}, one task per run ({runs.Count} run{(runs.Count == 1 ? "" : "s")}; script {ScriptPath}).");
        output.WriteLine($"Follow it with 'sweep status {directory.Path}'; task i writes {directory.LogsPath}/task-i.out and .err. "
            + "A task stopped at its time limit checkpoints: 'sweep run' again resumes it.");
        return ExitCodes.Success;
    }
}

namespace Neuromorph.Host.Sweeps;

/// <summary>The <c>[slurm]</c> table of a sweep file: the resources each task of the job array asks for.</summary>
/// <param name="Partition">The partition (<c>--partition</c>); empty = the cluster's default.</param>
/// <param name="CpusPerTask">Cores per task (<c>--cpus-per-task</c>); 0 = Slurm's default. A run that does not set
/// <c>run.threads</c> trains with this many threads.</param>
/// <param name="Mem">Memory per task (<c>--mem</c>, e.g. <c>8G</c>); empty = Slurm's default.</param>
/// <param name="Time">Time limit per task (<c>--time</c>, e.g. <c>02:00:00</c>); empty = the partition's.</param>
/// <param name="Gres">Generic resources (<c>--gres</c>, e.g. <c>gpu:1</c>); empty = none.</param>
/// <param name="MaxConcurrent">At most this many tasks at once (the <c>%N</c> of <c>--array</c>); 0 = no limit.</param>
/// <param name="SignalSeconds">How long before the time limit Slurm sends SIGTERM (<c>--signal=B:TERM@N</c>), time
/// enough to finish an iteration and write the checkpoint.</param>
/// <param name="Extra">More <c>sbatch</c> options, passed as written (e.g. <c>"--account=lab"</c>).</param>
internal sealed record SlurmSection(
    string Partition = "",
    int CpusPerTask = 0,
    string Mem = "",
    string Time = "",
    string Gres = "",
    int MaxConcurrent = 0,
    int SignalSeconds = 120,
    IReadOnlyList<string>? Extra = null)
{
    public IReadOnlyList<string> Extra { get; init; } = Extra ?? [];
}

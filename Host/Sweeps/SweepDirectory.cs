using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// A sweep's directory: <c>sweep.toml</c> (a copy of the sweep file), <c>plan.json</c>, <c>runs/&lt;run&gt;/</c> (each an
/// ordinary run directory), <c>tasks/&lt;run&gt;/</c> (a task's lock while it runs and its outcome after), <c>logs/</c>
/// (each task's output), <c>slurm/</c> (the job-array script and submitted job ids) and the report files.
/// </summary>
internal sealed class SweepDirectory(string path)
{
    public const string SweepFileName = "sweep.toml";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string SweepFilePath => System.IO.Path.Combine(Path, SweepFileName);

    public string PlanPath => System.IO.Path.Combine(Path, "plan.json");

    public string RunsPath => System.IO.Path.Combine(Path, "runs");

    public string TasksPath => System.IO.Path.Combine(Path, "tasks");

    public string LogsPath => System.IO.Path.Combine(Path, "logs");

    public string SlurmPath => System.IO.Path.Combine(Path, "slurm");

    /// <summary>The default directory of the sweep named <paramref name="name"/>: <c>sweeps/&lt;name&gt;</c>.</summary>
    public static string DefaultFor(string name) => System.IO.Path.Combine("sweeps", name);

    public RunDirectory Run(string name) => new(System.IO.Path.Combine(RunsPath, name));

    public string Task(string name) => System.IO.Path.Combine(TasksPath, name);

    /// <summary>A task's standard output or error log: <c>logs/task-&lt;index&gt;.out</c> or <c>.err</c> (the names Slurm's <c>%a</c> gives).</summary>
    public string Log(int index, bool error) => System.IO.Path.Combine(LogsPath, $"task-{index}.{(error ? "err" : "out")}");

    /// <summary>The plan, or null before the first <c>sweep run</c>.</summary>
    public SweepPlan? ReadPlan() => SweepPlan.Read(PlanPath);

    /// <summary>The plan; an error naming the directory when there is none.</summary>
    /// <exception cref="SweepException">No plan (exit 2) or a corrupt one (exit 3).</exception>
    public SweepPlan RequirePlan() =>
        ReadPlan() ?? throw new SweepException(
            Directory.Exists(Path)
                ? $"'{Path}' holds no sweep (no plan.json): give a directory 'sweep run' made (by default sweeps/<name>)."
                : $"sweep directory '{Path}' not found.",
            ExitCodes.UsageError);
}

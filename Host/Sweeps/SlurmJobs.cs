using System.Text.Json;
using Neuromorph.Data;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Sweeps;

/// <summary>One job array submitted for a sweep.</summary>
/// <param name="JobId">Slurm's job id (array task i is <c>&lt;JobId&gt;_i</c>).</param>
/// <param name="Array">The <c>--array</c> value as submitted, e.g. <c>0-3%2</c>.</param>
/// <param name="Indices">The runs' indices it holds.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
internal sealed record SubmittedJob(string JobId, string Array, IReadOnlyList<int> Indices, DateTimeOffset SubmittedAt);

/// <summary>
/// <c>slurm/jobs.json</c>: every job array submitted for the sweep, oldest first. <c>sweep status</c> asks Slurm about
/// them; a run belongs to the latest job that holds its index.
/// </summary>
internal sealed record SlurmJobs(IReadOnlyList<SubmittedJob> Jobs)
{
    public const string FileName = "jobs.json";

    private static readonly JsonSerializerOptions Json = new(RunDirectory.Json) { WriteIndented = true };

    public static string PathIn(SweepDirectory sweep) => Path.Combine(sweep.SlurmPath, FileName);

    /// <summary>The jobs submitted for <paramref name="sweep"/>; none when nothing was submitted.</summary>
    /// <exception cref="SweepException">The file does not read (exit 3).</exception>
    public static SlurmJobs Read(SweepDirectory sweep)
    {
        var path = PathIn(sweep);
        if (!File.Exists(path)) return new SlurmJobs([]);
        try
        {
            return JsonSerializer.Deserialize<SlurmJobs>(File.ReadAllText(path), Json) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new SweepException(
                $"'{path}' does not read as the sweep's submitted jobs ({e.Message}): restore it, or delete it (the runs' states still come from their directories).",
                ExitCodes.DataError, e);
        }
    }

    /// <summary>Adds <paramref name="job"/> to the file (written by rename: a reader sees the old or the new list whole).</summary>
    public static void Append(SweepDirectory sweep, SubmittedJob job) =>
        AtomicFile.WriteAllText(PathIn(sweep), JsonSerializer.Serialize(new SlurmJobs([.. Read(sweep).Jobs, job]), Json) + "\n");

    /// <summary>Each run index and the latest job that holds it.</summary>
    public IReadOnlyDictionary<int, string> LatestJobByIndex()
    {
        var latest = new Dictionary<int, string>();
        foreach (var job in Jobs)
            foreach (var index in job.Indices)
                latest[index] = job.JobId;
        return latest;
    }
}

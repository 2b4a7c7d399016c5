namespace Neuromorph.Host.Sweeps;

/// <summary>A run's array task as Slurm reports it: <c>&lt;JobId&gt;_&lt;Index&gt;</c> and its state, null when Slurm no
/// longer knows it (it left the queue and accounting is off).</summary>
internal sealed record SlurmTask(string JobId, int Index, string? State, string? Reason)
{
    /// <summary>Waiting in the queue (not started, or requeued): the run is pending.</summary>
    public bool IsQueued => State is "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" or "RESIZING" or "SUSPENDED" or "STOPPED";

    /// <summary>On a node now: the run is running.</summary>
    public bool IsRunning => State is "RUNNING" or "CONFIGURING" or "SIGNALING";

    /// <summary>The state as Slurm names it, or <c>not in queue</c>.</summary>
    public string StateText => State ?? "not in queue";

    public override string ToString() =>
        $"{JobId}_{Index} {StateText}{(IsQueued && Reason is { Length: > 0 } and not "None" ? $" ({Reason})" : "")}";
}

/// <summary>
/// What Slurm says about the array tasks of a sweep's submitted jobs (<c>slurm/jobs.json</c>): <c>squeue</c> for tasks
/// queued, running or recently ended, and <c>sacct</c> for older ones where accounting is on. Neither is needed for a
/// run's outcome, which its directories hold; they tell what the directories cannot: queued, or on a node now.
/// </summary>
internal sealed record SlurmQueue(IReadOnlyDictionary<int, SlurmTask> Tasks, IReadOnlyList<string> Notes)
{
    private const string Format = "%F|%K|%T|%r";

    /// <summary>The tasks of the jobs submitted for <paramref name="sweep"/>; null when none was.</summary>
    public static SlurmQueue? Read(SweepDirectory sweep)
    {
        var jobs = SlurmJobs.Read(sweep);
        if (jobs.Jobs.Count == 0) return null;
        var latest = jobs.LatestJobByIndex();
        var ids = string.Join(',', latest.Values.Distinct());
        var notes = new List<string>();
        var known = new Dictionary<(string, int), (string State, string Reason)>();

        var squeue = SlurmClient.Find("squeue");
        if (squeue is null)
        {
            notes.Add("squeue is not on PATH: the runs' states come from their directories only (a queued run shows as pending or interrupted).");
        }
        else
        {
            var result = SlurmClient.Run(squeue, "--noheader", "--array", "--states=all", $"--jobs={ids}", $"--format={Format}");
            // One job id that slurmctld has forgotten is an error; several are filtered quietly.
            if (result.ExitCode == 0) known = ParseSqueue(result.Output);
            else if (!result.Error.Contains("Invalid job id", StringComparison.Ordinal)) notes.Add($"squeue failed: {result.FirstLine}");
        }

        if (latest.Any(p => !known.ContainsKey((p.Value, p.Key))) && SlurmClient.Find("sacct") is { } sacct)
        {
            var result = SlurmClient.Run(sacct, "--noheader", "--parsable2", "--allocations", $"--jobs={ids}", "--format=JobID,State");
            if (result.ExitCode == 0)
                foreach (var (key, state) in ParseSacct(result.Output)) known.TryAdd(key, (state, ""));
            else
                notes.Add($"tasks that left the queue are shown from their run directories only (sacct: {result.FirstLine}).");
        }

        var tasks = latest.ToDictionary(
            p => p.Key,
            p => known.TryGetValue((p.Value, p.Key), out var s) ? new SlurmTask(p.Value, p.Key, s.State, s.Reason) : new SlurmTask(p.Value, p.Key, null, null));
        return new SlurmQueue(tasks, notes);
    }

    /// <summary>Lines <c>job|task|STATE|reason</c> of <c>squeue --array --format=%F|%K|%T|%r</c>.</summary>
    public static Dictionary<(string JobId, int Index), (string State, string Reason)> ParseSqueue(string output)
    {
        var tasks = new Dictionary<(string, int), (string, string)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            if (parts.Length >= 3 && int.TryParse(parts[1], out var index))
                tasks[(parts[0], index)] = (parts[2], parts.Length > 3 ? parts[3] : "");
        }
        return tasks;
    }

    /// <summary>Lines <c>job_task|STATE</c> of <c>sacct --parsable2 --format=JobID,State</c> (<c>CANCELLED by 0</c> gives
    /// <c>CANCELLED</c>; lines of a still-pending range such as <c>12_[4-7]</c> are left out: squeue has them).</summary>
    public static IEnumerable<((string JobId, int Index) Task, string State)> ParseSacct(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            var id = parts[0].Split('_');
            if (parts.Length >= 2 && id.Length == 2 && int.TryParse(id[1], out var index))
                yield return ((id[0], index), parts[1].Split(' ')[0]);
        }
    }
}

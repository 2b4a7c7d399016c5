using System.Text;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Sweeps;

/// <summary>
/// The job-array script <c>sweep run --executor slurm</c> submits (<c>slurm/array.sbatch</c>): one array task per run
/// still to do, the task id being the run's index in <c>plan.json</c>, each task <c>exec</c>-ing
/// <c>sweep task &lt;sweep-dir&gt; $SLURM_ARRAY_TASK_ID</c>. Because of <c>exec</c> the batch shell is the host itself,
/// so <c>--signal=B:TERM@N</c> (and <c>scancel --signal=TERM --batch</c>) reach the training, which checkpoints and
/// exits 130; <c>--requeue</c> and <c>--open-mode=append</c> let a requeued task resume into the same logs.
/// </summary>
internal static class SlurmScript
{
    /// <summary>The script for <paramref name="indices"/> of <paramref name="sweep"/>, started with <paramref name="host"/>
    /// (<see cref="HostCommand.Current"/>: absolute paths, so every node starts the same build).</summary>
    public static string Text(string name, SweepDirectory sweep, SlurmSection slurm, IEnumerable<int> indices, IReadOnlyList<string> host)
    {
        var options = new List<string>
        {
            $"--job-name={name}",
            $"--array={Array(indices, slurm)}",
            $"--output={LogPattern(sweep, "out")}",
            $"--error={LogPattern(sweep, "err")}",
            "--open-mode=append",
            "--requeue",
            $"--signal=B:TERM@{slurm.SignalSeconds}",
        };
        if (slurm.Partition.Length > 0) options.Add($"--partition={slurm.Partition}");
        if (slurm.CpusPerTask > 0) options.Add($"--cpus-per-task={slurm.CpusPerTask}");
        if (slurm.Mem.Length > 0) options.Add($"--mem={slurm.Mem}");
        if (slurm.Time.Length > 0) options.Add($"--time={slurm.Time}");
        if (slurm.Gres.Length > 0) options.Add($"--gres={slurm.Gres}");
        options.AddRange(slurm.Extra);

        // A run that does not set run.threads trains on the cores Slurm gave the task.
        var threads = slurm.CpusPerTask > 0 ? $"{slurm.CpusPerTask}" : "\"${SLURM_CPUS_PER_TASK:-0}\"";
        var command = host.Select(ShellWord).Concat(["sweep", "task", ShellWord(sweep.Path), "\"$SLURM_ARRAY_TASK_ID\"", "--threads", threads]);

        var text = new StringBuilder("#!/bin/bash\n");
        foreach (var option in options) text.Append("#SBATCH ").Append(option).Append('\n');
        text.Append($"# Neuromorph sweep '{name}', written by 'sweep run --executor slurm'. Array task i trains run i of\n");
        text.Append("# plan.json, resuming it if it started before (a finished run is skipped), and records its outcome.\n");
        text.Append("# exec: the batch shell becomes the host, so Slurm's SIGTERM before the time limit reaches the training,\n");
        text.Append("# which writes its checkpoint and exits 130; 'sweep run' again (or a requeue) resumes it.\n");
        text.Append("exec ").Append(string.Join(' ', command)).Append('\n');
        return text.ToString();
    }

    /// <summary>The <c>--array</c> value: the indices as ranges, with <c>%N</c> when at most N tasks may run at once.</summary>
    public static string Array(IEnumerable<int> indices, SlurmSection slurm) =>
        IndexRanges.Format(indices) + (slurm.MaxConcurrent > 0 ? $"%{slurm.MaxConcurrent}" : "");

    /// <summary>Checks what the <c>[slurm]</c> table puts into the script, before anything is written.</summary>
    /// <exception cref="ConfigurationException">A value spans lines, an <c>extra</c> entry is not an option, or it sets
    /// <c>--array</c>, which the sweep decides.</exception>
    public static void Check(SlurmSection slurm)
    {
        foreach (var (key, value) in new[] { ("partition", slurm.Partition), ("mem", slurm.Mem), ("time", slurm.Time), ("gres", slurm.Gres) })
        {
            if (value.Any(char.IsWhiteSpace))
                throw new ConfigurationException($"slurm.{key} = \"{value}\": a Slurm value has no spaces or line breaks.");
        }
        foreach (var option in slurm.Extra)
        {
            if (!option.StartsWith('-') || option.Contains('\n') || option.Contains('\r'))
                throw new ConfigurationException(
                    $"slurm.extra: \"{option}\" is not an sbatch option: give one option per entry, as on sbatch's command line, e.g. \"--account=lab\".");
            if (option.StartsWith("--array", StringComparison.Ordinal) || option.StartsWith("-a", StringComparison.Ordinal))
                throw new ConfigurationException(
                    $"slurm.extra: \"{option}\": the sweep sets --array itself (one task per run still to do); limit tasks at once with slurm.max_concurrent.");
        }
    }

    /// <summary>
    /// The <c>--output</c> or <c>--error</c> pattern giving <see cref="SweepDirectory.Log"/>'s names: the directory with
    /// <c>%</c> written <c>%%</c> (so only <c>%a</c>, the task id, is replaced), in double quotes when it holds spaces.
    /// </summary>
    private static string LogPattern(SweepDirectory sweep, string extension)
    {
        var pattern = Path.Combine(sweep.LogsPath, "task-").Replace("%", "%%", StringComparison.Ordinal) + "%a." + extension;
        return pattern.Any(char.IsWhiteSpace) ? $"\"{pattern}\"" : pattern;
    }

    /// <summary><paramref name="word"/> as one shell word: as it is when it holds nothing the shell reads, else in single quotes.</summary>
    internal static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

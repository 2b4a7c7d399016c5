using Neuromorph.Host.Sweeps;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>
/// The Slurm cluster the Slurm tests submit to: one with a node that takes jobs (<c>tools/slurm-localhost.sh</c> makes
/// this machine one). Talks to it through the client programs, as the host does.
/// </summary>
internal static class LocalCluster
{
    private static readonly Lazy<string?> Missing = new(FindProblem);

    /// <summary>Why the Slurm tests cannot run here, with how to make them run; null when a node is idle (or mixed).</summary>
    public static string? Problem => Missing.Value;

    /// <summary>Whether a missing cluster fails the Slurm tests instead of skipping them: on CI (<c>CI=true</c>).</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails the test when there is no cluster (reached only on CI, where the tests are not skipped).</summary>
    public static void Require()
    {
        if (Problem is { } problem) throw new InvalidOperationException($"CI=true requires the Slurm tests to run, but {problem}");
    }

    /// <summary>Waits until job <paramref name="jobId"/> has left the queue's active states (every task ended).</summary>
    public static async Task WaitUntilEndedAsync(string jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var active = Run("squeue", "--noheader", "--array", $"--jobs={jobId}", "--format=%i %T");
            if (active.ExitCode == 0 && active.Output.Trim().Length == 0) return;
            if (active.ExitCode != 0 && !active.Error.Contains("Invalid job id", StringComparison.Ordinal))
                throw new InvalidOperationException($"squeue failed: {active.Error}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Slurm job {jobId} did not end within {timeout.TotalSeconds:0} s:\n{active.Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>Runs a Slurm client program and returns what it printed.</summary>
    public static SlurmClientResult Run(string program, params string[] arguments) =>
        SlurmClient.Run(SlurmClient.Find(program) ?? throw new InvalidOperationException($"{program} is not on PATH."), arguments);

    private static string? FindProblem()
    {
        const string Start = "start a one-node cluster on this machine with 'sudo tools/slurm-localhost.sh' to run the Slurm tests.";
        if (SlurmClient.Find("sinfo") is null || SlurmClient.Find("sbatch") is null) return $"Slurm's commands (sinfo, sbatch) are not on PATH: {Start}";
        SlurmClientResult nodes;
        try
        {
            nodes = Run("sinfo", "--noheader", "--format=%t");
        }
        catch (SweepException e)
        {
            return $"sinfo did not answer ({e.Message}): {Start}";
        }
        if (nodes.ExitCode != 0) return $"sinfo failed ({nodes.FirstLine}): is slurmctld running? {Start}";
        var states = nodes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return states.Any(s => s is "idle" or "mix")
            ? null
            : $"no Slurm node is idle (sinfo: {(states.Length == 0 ? "no nodes" : string.Join(", ", states))}): {Start}";
    }
}

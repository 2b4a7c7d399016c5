using System.Diagnostics;

namespace Neuromorph.Host.Sweeps;

/// <summary>What a Slurm client program printed and how it ended.</summary>
internal sealed record SlurmClientResult(int ExitCode, string Output, string Error)
{
    /// <summary>The first line of standard error (or of standard output when that is empty), for a message.</summary>
    public string FirstLine => (Error.Trim().Length > 0 ? Error : Output).Trim().Split('\n')[0].Trim();
}

/// <summary>
/// Slurm's client programs (<c>sbatch</c>, <c>squeue</c>, <c>sacct</c>, <c>scancel</c>): found on <c>PATH</c> and run
/// with their output captured. Neuromorph talks to Slurm only through them, as a user at the login node would.
/// </summary>
internal static class SlurmClient
{
    /// <summary>How long a client may take: they ask slurmctld, which answers within seconds unless it is down.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The full path of <paramref name="program"/> on <c>PATH</c>, or null when it is not there.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, program))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="program"/> (a full path) with <paramref name="arguments"/> and waits for it.</summary>
    /// <exception cref="SweepException">It did not end within a minute (it is killed; exit 1).</exception>
    public static SlurmClientResult Run(string program, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            throw new SweepException(
                $"'{Path.GetFileName(program)} {string.Join(' ', start.ArgumentList)}' did not answer within {Timeout.TotalSeconds:0} s: is slurmctld up ('sinfo')?",
                ExitCodes.RuntimeFailure);
        }
        return new SlurmClientResult(process.ExitCode, output.Result, error.Result);
    }
}

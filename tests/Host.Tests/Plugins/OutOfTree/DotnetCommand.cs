using System.Diagnostics;

namespace Neuromorph.Host.Tests.Plugins.OutOfTree;

/// <summary>Runs the <c>dotnet</c> CLI as a child process, with a time limit and its output captured.</summary>
internal static class DotnetCommand
{
    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/> and returns its
    /// standard output. Throws, with everything the process printed, when it fails or outlives
    /// <paramref name="timeout"/> (the process tree is killed then).
    /// </summary>
    public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, standardOutput, standardError) = Start(workingDirectory, timeout, arguments, new Dictionary<string, string>());
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'dotnet {string.Join(' ', arguments)}' in {workingDirectory} failed (exit {exitCode}):\n{standardOutput}\n{standardError}");
        }
        return standardOutput;
    }

    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> with <paramref name="environment"/> added to its environment;
    /// returns its exit code and everything it printed. Throws only when it outlives <paramref name="timeout"/>.
    /// </summary>
    public static (int ExitCode, string Output) TryRun(
        string workingDirectory, TimeSpan timeout, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var (exitCode, standardOutput, standardError) = Start(workingDirectory, timeout, arguments, environment);
        return (exitCode, $"{standardOutput}\n{standardError}");
    }

    private static (int ExitCode, string StandardOutput, string StandardError) Start(
        string workingDirectory, TimeSpan timeout, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host's MSBuild settings must not leak into the child build.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var command = "dotnet " + string.Join(' ', arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(
                $"'{command}' took longer than {timeout}; killed. Output so far:\n{standardOutput.Result}\n{standardError.Result}");
        }
        process.WaitForExit();
        return (process.ExitCode, standardOutput.Result, standardError.Result);
    }
}

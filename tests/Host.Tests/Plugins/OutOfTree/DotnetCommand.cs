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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command}' in {workingDirectory} failed (exit {process.ExitCode}):\n{standardOutput.Result}\n{standardError.Result}");
        }
        return standardOutput.Result;
    }
}

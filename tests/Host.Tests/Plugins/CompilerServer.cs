using System.Diagnostics;
using System.Text;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>
/// A C# compiler server (VBCSCompiler) of the tests' own, for the builds they start. Measured on two cores: a fixture
/// build takes 3.3 s with a fresh compiler, 2.1 s of it the compiler starting up, and 1.4 s through a warm server.
/// The server is found by its pipe name, unique to this instance, so no other build on the machine uses it or shuts it
/// down; <see cref="Dispose"/> ends it, so no process outlives the tests (an idle server would otherwise stay for
/// minutes). If the test process dies before that, the server ends itself once idle for its keep-alive time.
/// </summary>
internal sealed class CompilerServer : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    // Short: the pipe becomes a socket path under the temporary folder, and those are limited to about 100 bytes.
    private readonly string pipeName = $"nm-tests-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The <c>dotnet build</c> arguments that compile through this server.</summary>
    public IReadOnlyList<string> BuildArguments => ["-p:UseSharedCompilation=true", $"-p:SharedCompilationId={pipeName}"];

    public void Dispose()
    {
        foreach (var server in ServerProcesses())
        {
            using (server)
            {
                try
                {
                    server.Kill();
                    server.WaitForExit(ExitTimeout);
                }
                catch (InvalidOperationException)
                {
                    // It ended by itself in the meantime.
                }
            }
        }
    }

    /// <summary>The compiler servers listening on this instance's pipe (none if no build got as far as compiling).</summary>
    private List<Process> ServerProcesses()
    {
        var found = new List<Process>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id)) continue;
            string[] arguments;
            try
            {
                arguments = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, "cmdline"))).Split('\0');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // The process ended while we looked.
            }
            if (arguments.Any(a => a.Contains("VBCSCompiler", StringComparison.Ordinal)) && arguments.Contains($"-pipename:{pipeName}"))
            {
                try
                {
                    found.Add(Process.GetProcessById(id));
                }
                catch (ArgumentException)
                {
                    // Ended in the meantime.
                }
            }
        }
        return found;
    }
}

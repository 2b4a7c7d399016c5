using System.Diagnostics;
using System.Text;

namespace Neuromorph.Host.Tests.Plugins;

/// <summary>
/// A C# compiler server (VBCSCompiler) of the tests' own, for the builds they start. Measured on two cores: a fixture
/// build takes 3.3 s with a fresh compiler, 2.1 s of it the compiler starting up, and 1.4 s through a warm server.
/// The fixtures that build use it at the same time (they build side by side), so it is shared: each
/// <see cref="Acquire"/> is matched by a <see cref="Release"/>, and the last release ends the server, so no process
/// outlives the tests (an idle server would otherwise stay for minutes; if the test process dies first, it ends itself
/// once idle for its keep-alive time). It is found by its pipe name, unique to the test process, so no other build on
/// the machine uses it or ends it.
/// </summary>
internal sealed class CompilerServer
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lock Gate = new();
    private static CompilerServer? current;

    // Short: the pipe becomes a socket path under the temporary folder, and those are limited to about 100 bytes.
    private readonly string pipeName = $"nm-tests-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    private int users;

    private CompilerServer()
    {
    }

    /// <summary>The <c>dotnet build</c> arguments that compile through this server.</summary>
    public IReadOnlyList<string> BuildArguments => ["-p:UseSharedCompilation=true", $"-p:SharedCompilationId={pipeName}"];

    /// <summary>The server the other fixtures use, or a new one if none does.</summary>
    public static CompilerServer Acquire()
    {
        lock (Gate)
        {
            current ??= new CompilerServer();
            current.users++;
            return current;
        }
    }

    /// <summary>Says this user is done with the server; the last one to say so ends it.</summary>
    public void Release()
    {
        lock (Gate)
        {
            if (--users > 0) return;
            if (ReferenceEquals(current, this)) current = null;
        }
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

    /// <summary>The compiler servers listening on this pipe (none if no build got as far as compiling).</summary>
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

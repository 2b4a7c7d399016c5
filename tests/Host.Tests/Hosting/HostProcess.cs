using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Neuromorph.Host.Tests.Hosting;

/// <summary>
/// The built <c>Neuromorph.Host</c> run as a separate process, as a user or a scheduler runs it: for what cannot happen
/// in-process (signals, two processes on one run directory, a process killed mid-run, the working directory).
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> error = new();
    private readonly SemaphoreSlim lines = new(0);

    private HostProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Receive(output, e.Data);
        process.ErrorDataReceived += (_, e) => Receive(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string Output => string.Join('\n', output);

    public string Error => string.Join('\n', error);

    /// <summary>Starts <c>Neuromorph.Host</c> from the tests' output folder with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static HostProcess Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Neuromorph.Host"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove("NEUROMORPH_DATA");
        return new HostProcess(Process.Start(start)!);
    }

    /// <summary>Waits until standard output has a line containing <paramref name="text"/>; fails if the process ends first.</summary>
    public void WaitForOutput(string text, TimeSpan? timeout = null) => WaitFor(output, text, timeout);

    /// <summary>Waits until standard error has a line containing <paramref name="text"/>; fails if the process ends first.</summary>
    public void WaitForError(string text, TimeSpan? timeout = null) => WaitFor(error, text, timeout);

    private void WaitFor(ConcurrentQueue<string> stream, string text, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!stream.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited && !lines.Wait(200))
                throw new InvalidOperationException($"The process ended ({process.ExitCode}) before printing '{text}'.\n{Output}\n{Error}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No line with '{text}' within the time allowed.\n{Output}\n{Error}");
            lines.Wait(200);
        }
    }

    /// <summary>
    /// Sends <paramref name="signal"/> (e.g. <see cref="SignalNumber.Terminate"/>) to the process; false when it has
    /// already ended.
    /// </summary>
    public bool Send(SignalNumber signal)
    {
        if (Kill(process.Id, (int)signal) == 0) return true;
        const int NoSuchProcess = 3;
        var errno = Marshal.GetLastPInvokeError();
        return errno == NoSuchProcess
            ? false
            : throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {errno}.");
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The process did not end within the time allowed.\n{Output}\n{Error}");
        }
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private void Receive(ConcurrentQueue<string> queue, string? line)
    {
        if (line is null) return;
        queue.Enqueue(line);
        lines.Release();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

/// <summary>Linux signal numbers.</summary>
public enum SignalNumber
{
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
}

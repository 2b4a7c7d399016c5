using System.Runtime.InteropServices;

namespace Neuromorph.Host.Sweeps;

/// <summary>Sends a POSIX signal to a child process (SIGTERM asks a task to checkpoint and stop, as Slurm does).</summary>
internal static partial class SignalForwarding
{
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; false when it has already ended.</summary>
    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

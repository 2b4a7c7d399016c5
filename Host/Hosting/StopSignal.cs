using System.Runtime.InteropServices;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as one cancellation token, from the first line of <c>train</c> to its last: during
/// start-up they stop it before anything is trained, during training they end the run at the next iteration boundary
/// with a checkpoint. SIGTERM is what Slurm (and most schedulers and container runtimes) send at a job's time limit,
/// so both signals mean the same. The default action (ending the process at once) is cancelled for every signal while
/// this is registered: a second Ctrl+C cannot cut a checkpoint in half; <c>kill -9</c> remains for a hard stop.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;
    private readonly Action<string> notice;
    private int received;

    private StopSignal(Action<string> notice)
    {
        this.notice = notice;
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    /// <summary>Cancelled when the first signal arrives.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>The first signal's name (<c>SIGINT</c> or <c>SIGTERM</c>), or null before any.</summary>
    public string? Received { get; private set; }

    /// <summary>Starts listening; <paramref name="notice"/> hears one line per signal (on a signal-handling thread).</summary>
    public static StopSignal Listen(Action<string> notice) => new(notice);

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
        source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        var name = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        if (Interlocked.Increment(ref received) == 1)
        {
            Received = name;
            notice($"{name} received: stopping at the next safe point.");
            source.Cancel();
        }
        else
        {
            notice($"{name} received again: already stopping; the run ends as soon as its files are written (kill -9 ends it at once).");
        }
    }
}

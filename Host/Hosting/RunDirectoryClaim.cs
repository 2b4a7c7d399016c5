using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Hosting;

/// <summary>How a <c>train</c> starts in its run directory.</summary>
internal enum RunStart
{
    /// <summary>A new run in an empty (or new) directory.</summary>
    New,

    /// <summary><c>--resume</c>: continue from <c>checkpoints/last.ckpt</c>.</summary>
    FromCheckpoint,

    /// <summary><c>--resume</c> of a run that stopped before its first checkpoint: start it again from the beginning.</summary>
    FromBeginning,

    /// <summary><c>--resume</c> of a run that already trained all its epochs: nothing to do.</summary>
    AlreadyFinished,
}

/// <summary>A run directory held by this process (its lock), and how the run starts in it.</summary>
internal sealed class RunDirectoryClaim(RunDirectoryLock held, RunStart start) : IDisposable
{
    public RunDirectory Directory { get; } = new(held.Directory);

    public RunStart Start { get; } = start;

    public bool IsResume => Start != RunStart.New;

    /// <summary>Releases the directory's lock.</summary>
    public void Dispose() => held.Dispose();

    /// <summary>
    /// Releases the directory of a new run that did not get to train: a directory holding nothing but the lock is left
    /// as it was found (removed, if the claim created it).
    /// </summary>
    public void Abandon()
    {
        if (Start == RunStart.New && RunDirectoryLock.HoldsNoRun(Directory.Path))
            held.Abandon();
        else
            held.Dispose();
    }
}

using System.Text.Json;
using Neuromorph.Data;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.Hosting;

/// <summary>
/// The one writer of a run directory. <c>train</c> (and <c>--resume</c>) holds an exclusive OS lock on the directory's
/// <c>.lock</c> file for as long as it runs; the kernel drops the lock when the process ends however it ends (a kill
/// leaves no stale marker), so a second writer is refused while the first lives and accepted once it is gone.
/// </summary>
/// <remarks>
/// .NET takes the lock as <c>flock(LOCK_EX | LOCK_NB)</c> for a file opened with <see cref="FileShare.None"/>; on a
/// cluster's shared filesystem it holds across nodes where the filesystem supports <c>flock</c> (NFSv4, Lustre mounted
/// with <c>flock</c>, GPFS, BeeGFS). Readers (<c>eval</c>, <c>attack</c>) take no lock: every run file is replaced by a
/// rename, so they read either the old or the new file whole. Who holds the lock is written to <c>.lock-owner</c>, a
/// separate file, because .NET cannot read a file that another process holds locked.
/// </remarks>
internal sealed class RunDirectoryLock : IDisposable
{
    /// <summary>The file the lock is held on, inside the run directory.</summary>
    public const string FileName = ".lock";

    /// <summary>The file naming the holder (process id, host, start time).</summary>
    public const string OwnerFileName = ".lock-owner";

    private readonly FileStream handle;
    private readonly bool created;

    private RunDirectoryLock(string directory, FileStream handle, bool created)
    {
        Directory = directory;
        this.handle = handle;
        this.created = created;
    }

    /// <summary>The run directory held.</summary>
    public string Directory { get; }

    /// <summary>
    /// Takes the lock of <paramref name="directory"/> (created if missing), or returns null when another process
    /// holds it; <paramref name="holder"/> then describes that process.
    /// </summary>
    /// <exception cref="ConfigurationException">The directory cannot be created or written (e.g. it lies under a file).</exception>
    public static RunDirectoryLock? TryAcquire(string directory, out string holder)
    {
        holder = "";
        var full = Path.GetFullPath(directory);
        var created = !System.IO.Directory.Exists(full);
        FileStream handle;
        try
        {
            System.IO.Directory.CreateDirectory(full);
            handle = new FileStream(Path.Combine(full, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            holder = DescribeHolder(full);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var cause = FileInTheWay(full) is { } file ? $"'{file}' is a file, not a folder." : e.Message;
            throw new ConfigurationException(
                $"The run directory '{full}' cannot be created or written: {cause} Choose a writable directory with --run-dir.");
        }
        var owner = new LockOwner(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow);
        AtomicFile.WriteAllText(Path.Combine(full, OwnerFileName), JsonSerializer.Serialize(owner) + "\n");
        return new RunDirectoryLock(full, handle, created);
    }

    /// <summary>Takes the lock of <paramref name="directory"/> or refuses, naming the process that holds it.</summary>
    /// <exception cref="ConfigurationException">Another process holds the lock, or the directory cannot be written.</exception>
    public static RunDirectoryLock Acquire(string directory) =>
        TryAcquire(directory, out var holder) ?? throw new ConfigurationException(
            $"The run directory '{Path.GetFullPath(directory)}' is in use by {holder}: one run directory has one writer. " +
            "Wait for that run to end (or stop it), or choose another directory with --run-dir.");

    /// <summary>Whether <paramref name="directory"/> is missing or holds nothing but a lock: no run was started in it.</summary>
    public static bool HoldsNoRun(string directory) =>
        !System.IO.Directory.Exists(directory) || System.IO.Directory.EnumerateFileSystemEntries(directory)
            .Select(Path.GetFileName)
            .All(name => name is FileName or OwnerFileName);

    /// <summary>Releases the lock (the process ending releases it too).</summary>
    public void Dispose() => handle.Dispose();

    /// <summary>
    /// Leaves the directory as it was found when nothing else was written to it: the lock files go (deleted while the
    /// lock is still held, so no other writer can be holding the same file), and so does the directory if this lock
    /// created it. Then the lock is released.
    /// </summary>
    public void Abandon()
    {
        try
        {
            File.Delete(Path.Combine(Directory, OwnerFileName));
            File.Delete(Path.Combine(Directory, FileName));
        }
        finally
        {
            handle.Dispose();
        }
        if (created && !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
            System.IO.Directory.Delete(Directory);
    }

    /// <summary>EWOULDBLOCK: the file is locked by another open file description (another process, or another open of ours).</summary>
    private static bool IsHeldElsewhere(IOException e) => e.HResult == 11 && e.GetType() == typeof(IOException);

    /// <summary>The file that stands where <paramref name="directory"/> or one of its parents should be a folder, if any.</summary>
    private static string? FileInTheWay(string directory)
    {
        for (var path = directory; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
            if (File.Exists(path)) return path;
        return null;
    }

    private static string DescribeHolder(string directory)
    {
        try
        {
            var owner = JsonSerializer.Deserialize<LockOwner>(File.ReadAllText(Path.Combine(directory, OwnerFileName)));
            if (owner is not null)
                return FormattableString.Invariant($"process {owner.Pid} on host {owner.Host} (running since {owner.Since:yyyy-MM-dd HH:mm:ss} UTC)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // The holder has not written its details yet, or they are unreadable: the lock itself is what counts.
        }
        return "another process (its details are not readable)";
    }

    /// <summary>
    /// Whether the process named in <paramref name="directory"/>'s <c>.lock-owner</c> is alive on this machine: a reader's
    /// check that takes no lock (so it never gets in a starting writer's way). False for a holder on another machine.
    /// </summary>
    public static bool HeldHere(string directory)
    {
        try
        {
            var owner = JsonSerializer.Deserialize<LockOwner>(File.ReadAllText(Path.Combine(directory, OwnerFileName)));
            return owner is not null && owner.Host == Environment.MachineName && System.IO.Directory.Exists($"/proc/{owner.Pid}")
                && File.Exists(Path.Combine(directory, FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }
    }

    private sealed record LockOwner(int Pid, string Host, DateTimeOffset Since);
}

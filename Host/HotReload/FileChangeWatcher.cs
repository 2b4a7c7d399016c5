using System.Security.Cryptography;

namespace Neuromorph.Host.HotReload;

/// <summary>
/// Watches files (plugin assemblies, a run's <c>config.toml</c>) and reports one whose content changed, once its folder
/// has been quiet for a while: a rebuild writes several files (assembly, symbols, deps.json) in quick succession, and
/// only the finished result is worth loading. File-system events arrive on pool threads; the training thread collects
/// the changed files with <see cref="TakeChanged"/> at an iteration boundary.
/// </summary>
internal sealed class FileChangeWatcher : IDisposable
{
    /// <summary>How long a folder must go without file events before its files are examined.</summary>
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMilliseconds(500);

    private readonly object gate = new();
    private readonly TimeSpan quietPeriod;
    private readonly Dictionary<string, string> reportedHashes;
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Dictionary<string, Timer> quietTimers = new(StringComparer.Ordinal);
    private bool disposed;

    /// <param name="files">Each watched file with the SHA-256 of its content in use.</param>
    /// <param name="quietPeriod">How long a folder must be quiet before its files are examined.</param>
    public FileChangeWatcher(IReadOnlyDictionary<string, string> files, TimeSpan quietPeriod)
    {
        this.quietPeriod = quietPeriod;
        reportedHashes = new Dictionary<string, string>(files, StringComparer.Ordinal);
        foreach (var folder in files.Keys.Select(path => System.IO.Path.GetDirectoryName(path)!).Distinct(StringComparer.Ordinal))
        {
            quietTimers[folder] = new Timer(_ => Examine(folder));
            var watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, _) => Touch(folder);
            watcher.Created += (_, _) => Touch(folder);
            watcher.Deleted += (_, _) => Touch(folder);
            watcher.Renamed += (_, _) => Touch(folder);
            watcher.Error += (_, _) => Touch(folder);
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
    }

    /// <summary>
    /// Raised on a pool thread when a watched file's content differs from the last version reported (or in use
    /// at the start), after its folder has been quiet for the quiet period.
    /// </summary>
    public event Action<string>? Changed;

    /// <summary>The files whose content changed since the last call, in no particular order.</summary>
    public IReadOnlyList<string> TakeChanged()
    {
        lock (gate)
        {
            if (changed.Count == 0) return [];
            var taken = changed.ToArray();
            changed.Clear();
            return taken;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
        }
        foreach (var watcher in watchers) watcher.Dispose();
        foreach (var timer in quietTimers.Values) timer.Dispose();
    }

    /// <summary>Something in <paramref name="folder"/> changed: (re)start its quiet period.</summary>
    private void Touch(string folder)
    {
        lock (gate)
        {
            if (!disposed) quietTimers[folder].Change(quietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void Examine(string folder)
    {
        List<string> found = [];
        foreach (var path in WatchedIn(folder))
        {
            string hash;
            try
            {
                if (!File.Exists(path)) continue; // deleted mid-rebuild: its Created event starts a new quiet period
                hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Touch(folder); // still being written: look again after another quiet period
                continue;
            }
            lock (gate)
            {
                if (disposed || reportedHashes[path] == hash) continue;
                reportedHashes[path] = hash;
                changed.Add(path);
            }
            found.Add(path);
        }
        foreach (var path in found) Changed?.Invoke(path);
    }

    private string[] WatchedIn(string folder)
    {
        lock (gate)
        {
            return reportedHashes.Keys
                .Where(path => string.Equals(System.IO.Path.GetDirectoryName(path), folder, StringComparison.Ordinal))
                .ToArray();
        }
    }
}

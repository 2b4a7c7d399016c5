using System.Globalization;

namespace Neuromorph.Host.Composition;

/// <summary>
/// How much more memory this process can take: the kernel's <c>MemAvailable</c>, or the headroom under the process's
/// cgroup memory limit when that is smaller (a container's limit, which <c>MemAvailable</c> does not see). Swap is not
/// counted: a training step that pages runs orders of magnitude slower.
/// </summary>
/// <param name="Bytes">The memory available.</param>
/// <param name="Source">Where <paramref name="Bytes"/> comes from, for messages.</param>
internal sealed record AvailableMemory(long Bytes, string Source)
{
    /// <summary>This machine's figure, or null where <c>/proc</c> does not report one.</summary>
    public static AvailableMemory? Read() => Read("/proc", "/sys/fs/cgroup");

    /// <summary>The figure from the files under <paramref name="proc"/> and <paramref name="cgroupRoot"/>.</summary>
    public static AvailableMemory? Read(string proc, string cgroupRoot)
    {
        var free = Values(Path.Combine(proc, "meminfo")).TryGetValue("MemAvailable", out var kibibytes)
            ? new AvailableMemory(kibibytes * 1024, "MemAvailable in /proc/meminfo")
            : null;
        var headroom = CgroupHeadroom(Path.Combine(proc, "self", "cgroup"), cgroupRoot);
        return headroom is not null && (free is null || headroom.Bytes < free.Bytes) ? headroom : free;
    }

    /// <summary>
    /// The limit minus what the cgroup uses, not counting inactive file cache, which the kernel reclaims before it
    /// refuses memory (a dataset just read would otherwise count as used). cgroup v2 (<c>0::/path</c>) or v1
    /// (<c>N:memory:/path</c>); the folder is looked for under the mount and, inside a container, at the mount itself.
    /// </summary>
    private static AvailableMemory? CgroupHeadroom(string membership, string root)
    {
        if (!File.Exists(membership)) return null;
        foreach (var line in File.ReadLines(membership))
        {
            var fields = line.Split(':', 3);
            if (fields.Length != 3) continue;
            var (mount, limitFile, usageFile, cacheKey) = fields[1] switch
            {
                "" => (root, "memory.max", "memory.current", "inactive_file"),
                var controllers when controllers.Split(',').Contains("memory") =>
                    (Path.Combine(root, "memory"), "memory.limit_in_bytes", "memory.usage_in_bytes", "total_inactive_file"),
                _ => (null, "", "", ""),
            };
            if (mount is null) continue;
            foreach (var folder in new[] { Path.Join(mount, fields[2]), mount })
            {
                if (Number(Path.Combine(folder, limitFile)) is not { } limit || Number(Path.Combine(folder, usageFile)) is not { } usage)
                    continue;
                var cache = Values(Path.Combine(folder, "memory.stat")).GetValueOrDefault(cacheKey);
                return new AvailableMemory(
                    Math.Max(0, limit - (usage - cache)), $"the cgroup memory limit of {MemoryEstimate.Describe(limit)}, less what the cgroup uses");
            }
        }
        return null;
    }

    /// <summary>A file holding one number; null when it is missing or says <c>max</c> (no limit).</summary>
    private static long? Number(string path) =>
        File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The <c>key value</c> or <c>Key: value kB</c> lines of a file, by key; empty when it is missing.</summary>
    private static Dictionary<string, long> Values(string path)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists(path)) return values;
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split([' ', ':', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                values[fields[0]] = value;
        }
        return values;
    }
}

using Neuromorph.Host.Composition;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Composition;

public sealed class AvailableMemoryTests : IDisposable
{
    private readonly TemporaryDirectory files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Read_NoCgroupLimit_IsMemAvailable()
    {
        Write("proc/meminfo", "MemTotal:       24683664 kB\nMemFree:         1000000 kB\nMemAvailable:   19025200 kB\n");
        Write("proc/self/cgroup", "0::/\n");
        Write("cgroup/memory.max", "max\n");
        Write("cgroup/memory.current", "6750355456\n");

        Read().Should().Be(new AvailableMemory(19025200L * 1024, "MemAvailable in /proc/meminfo"));
    }

    [Fact]
    public void Read_CgroupV2LimitBelowMemAvailable_IsTheHeadroomWithoutInactiveFileCache()
    {
        // 4 GiB limit, 3 GiB charged of which 1 GiB is inactive file cache the kernel reclaims first: 2 GiB left.
        Write("proc/meminfo", "MemAvailable:   19025200 kB\n");
        Write("proc/self/cgroup", "0::/job\n");
        Write("cgroup/job/memory.max", $"{4L << 30}\n");
        Write("cgroup/job/memory.current", $"{3L << 30}\n");
        Write("cgroup/job/memory.stat", $"anon 1000\nactive_file 5\ninactive_file {1L << 30}\n");

        Read().Should().Be(new AvailableMemory(2L << 30, "the cgroup memory limit of 4.0 GiB, less what the cgroup uses"));
    }

    [Fact]
    public void Read_CgroupV1LimitMountedAtTheContainersRoot_IsFound()
    {
        // Inside a container the memory line names the host's path, but the container sees its own cgroup at the mount.
        Write("proc/meminfo", "MemAvailable:   19025200 kB\n");
        Write("proc/self/cgroup", "5:devices:/\n4:memory:/process_api/c48355\n1:cpu:/\n");
        Write("cgroup/memory/memory.limit_in_bytes", $"{1L << 30}\n");
        Write("cgroup/memory/memory.usage_in_bytes", $"{512L << 20}\n");
        Write("cgroup/memory/memory.stat", "cache 0\ntotal_inactive_file 0\n");

        Read().Should().Be(new AvailableMemory(512L << 20, "the cgroup memory limit of 1.0 GiB, less what the cgroup uses"));
    }

    [Fact]
    public void Read_NothingReported_IsNull()
    {
        Read().Should().BeNull();
    }

    private AvailableMemory? Read() => AvailableMemory.Read(Path.Combine(files.Path, "proc"), Path.Combine(files.Path, "cgroup"));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(files.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

using System.Security.Cryptography;
using Neuromorph.Host.HotReload;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.HotReload;

/// <summary>The watcher reports a changed assembly once, after its folder has settled, and only when its content changed.</summary>
public sealed class FileChangeWatcherTests : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Changed_FileRewrittenInSeveralWritesWithOtherFiles_IsReportedOnceWhenTheFolderSettles()
    {
        var path = WriteAssembly("v1");
        using var watcher = Watch(path);
        using var reported = new CountdownEvent(1);
        var reports = 0;
        watcher.Changed += _ =>
        {
            Interlocked.Increment(ref reports);
            reported.Signal();
        };

        foreach (var content in new[] { "v2 (partial)", "v2 (more)", "v2" })
        {
            File.WriteAllText(path, content);
            File.WriteAllText(Path.Combine(folder.Path, "Plugin.deps.json"), content);
            Thread.Sleep(50);
        }

        reported.Wait(TimeSpan.FromSeconds(20)).Should().BeTrue("the watcher reports the change");
        Thread.Sleep(QuietPeriod * 3);
        reports.Should().Be(1);
        watcher.TakeChanged().Should().Equal(path);
        watcher.TakeChanged().Should().BeEmpty();
    }

    [Fact]
    public void Changed_SameContentWrittenAgain_IsNotReported()
    {
        var path = WriteAssembly("v1");
        using var watcher = Watch(path);
        var reports = 0;
        watcher.Changed += _ => Interlocked.Increment(ref reports);

        File.WriteAllText(path, "v1");
        Thread.Sleep(QuietPeriod * 5);

        reports.Should().Be(0);
        watcher.TakeChanged().Should().BeEmpty();
    }

    private string WriteAssembly(string content)
    {
        var path = Path.Combine(folder.Path, "Plugin.dll");
        File.WriteAllText(path, content);
        return path;
    }

    private static FileChangeWatcher Watch(string path) =>
        new(new Dictionary<string, string> { [path] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) }, QuietPeriod);
}

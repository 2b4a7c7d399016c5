namespace Neuromorph.Host.Tests.Plugins;

/// <summary>A fresh directory under the system's temporary folder, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "neuromorph-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Creates (if needed) and returns the subdirectory <paramref name="relative"/>.</summary>
    public string Folder(string relative) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relative)).FullName;

    /// <summary>Copies every file of <paramref name="source"/> into the new subdirectory <paramref name="relative"/>.</summary>
    public string CopyFolder(string source, string relative)
    {
        var target = Folder(relative);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a load context stays behind in the temporary folder; harmless.
        }
    }
}

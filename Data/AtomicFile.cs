using System.Text;

namespace Neuromorph.Data;

/// <summary>Writes a file whole or not at all: a temporary file in the same folder, renamed over the target.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string contents) =>
        Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(contents)));

    /// <summary>
    /// Creates the folder if needed, lets <paramref name="write"/> fill a temporary file beside
    /// <paramref name="path"/>, flushes it to disk and renames it over <paramref name="path"/>. If
    /// <paramref name="write"/> throws (or the process dies), the temporary file is removed (or left hidden) and
    /// <paramref name="path"/> is untouched.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

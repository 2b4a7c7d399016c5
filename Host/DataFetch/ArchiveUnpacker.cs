using System.Formats.Tar;
using System.IO.Compression;
using Neuromorph.Data;

namespace Neuromorph.Host.DataFetch;

/// <summary>
/// Unpacks a verified <c>.tar.gz</c> or <c>.zip</c> into a folder, all or nothing: entries go to a scratch folder
/// beside the target first and are moved in only when the whole archive has been read.
/// </summary>
internal static class ArchiveUnpacker
{
    /// <summary>Whether <paramref name="fileName"/> names an archive this class unpacks.</summary>
    public static bool IsArchive(string fileName) =>
        fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="DataException">The archive is corrupt, or an entry would land outside the folder.</exception>
    public static void Unpack(string archive, string directory)
    {
        var scratch = Path.Combine(directory, $".unpacking-{Path.GetFileName(archive)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            try
            {
                if (archive.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    ZipFile.ExtractToDirectory(archive, scratch);
                else
                {
                    using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
                    TarFile.ExtractToDirectory(gzip, scratch, overwriteFiles: false);
                }
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new DataException($"{archive}: the archive could not be unpacked ({exception.Message}). Delete it and fetch again.", exception);
            }
            foreach (var entry in Directory.EnumerateFileSystemEntries(scratch))
            {
                var target = Path.Combine(directory, Path.GetFileName(entry));
                if (Directory.Exists(entry)) MoveDirectory(entry, target);
                else File.Move(entry, target, overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Moves a folder into place, merging into an existing one of the same name (archives that share a top folder).</summary>
    private static void MoveDirectory(string source, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(source, target);
            return;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
        {
            var destination = Path.Combine(target, Path.GetFileName(entry));
            if (Directory.Exists(entry)) MoveDirectory(entry, destination);
            else File.Move(entry, destination, overwrite: true);
        }
    }
}

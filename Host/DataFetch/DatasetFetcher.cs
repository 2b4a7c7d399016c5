using Neuromorph.Data;

namespace Neuromorph.Host.DataFetch;

/// <summary>
/// Brings a dataset's release files into a folder: each file already there and verified is kept; a missing one is
/// downloaded to <c>name.part</c> (resuming an interrupted download), verified against its size and digests, and
/// only then renamed into place, so the folder never holds a partial or unverified file under the real name.
/// Archives are then unpacked (see <see cref="ArchiveUnpacker"/>).
/// </summary>
internal sealed class DatasetFetcher(HttpClient http, TextWriter log)
{
    private readonly ResumableDownload download = new(http);

    /// <param name="source">What to fetch.</param>
    /// <param name="directory">The dataset's folder (created when absent).</param>
    /// <param name="mirror">A base URL to fetch every file from by its name instead of its canonical location.</param>
    /// <exception cref="DataException">A file does not verify, a manual download is missing, or an archive is corrupt.</exception>
    /// <exception cref="DownloadException">A transfer failed.</exception>
    public async Task FetchAsync(DatasetSource source, string directory, Uri? mirror, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in source.Files)
        {
            var path = Path.Combine(directory, file.FileName);
            if (File.Exists(path))
            {
                FileChecksum.Verify(path, file, "Move it away (or delete it) and run 'data fetch' again.");
                log.WriteLine($"{file.FileName}: present and verified");
                continue;
            }
            if (source.ManualDownload is { } instructions)
                throw new DataException($"{path} is missing. {instructions}");
            var url = mirror is null ? file.Url : new Uri(mirror, Uri.EscapeDataString(file.FileName));
            var part = path + ".part";
            log.WriteLine($"{file.FileName}: downloading {url}{(File.Exists(part) ? " (resuming)" : "")}");
            await download.RunAsync(url, part, (_, _) => { }, cancellation);
            try
            {
                FileChecksum.Verify(part, file, "The download was deleted; run 'data fetch' again, or fetch from another mirror.");
            }
            catch (DataException)
            {
                File.Delete(part); // a corrupt download starts over next time
                throw;
            }
            File.Move(part, path);
            log.WriteLine($"{file.FileName}: verified");
        }

        if (source.Unpacked is { } marker && Path.Exists(Path.Combine(directory, marker)))
            return;
        foreach (var file in source.Files.Where(file => ArchiveUnpacker.IsArchive(file.FileName)))
        {
            log.WriteLine($"{file.FileName}: unpacking");
            ArchiveUnpacker.Unpack(Path.Combine(directory, file.FileName), directory);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace Neuromorph.Host.DataFetch;

/// <summary>
/// Downloads a URL into a <c>.part</c> file, continuing where an earlier, interrupted download of the same file
/// stopped (an HTTP range request), or starting over when the server does not resume.
/// </summary>
internal sealed class ResumableDownload(HttpClient http)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Appends the rest of <paramref name="url"/>'s body to <paramref name="partPath"/> (created when absent).</summary>
    /// <param name="progress">Called with (bytes so far, total bytes when known) as data arrives.</param>
    /// <exception cref="DownloadException">A network error, an error status, or the body ended early.</exception>
    public async Task RunAsync(Uri url, string partPath, Action<long, long?> progress, CancellationToken cancellation)
    {
        var existing = File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0) request.Headers.Range = new RangeHeaderValue(existing, null);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            // Asking for bytes past the end: the part file already holds the whole body; verification decides.
            if (existing > 0 && response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable) return;
            if (!response.IsSuccessStatusCode)
                throw new DownloadException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            var resumed = existing > 0 && response.StatusCode == HttpStatusCode.PartialContent
                          && response.Content.Headers.ContentRange?.From == existing;
            var start = resumed ? existing : 0;
            long? total = response.Content.Headers.ContentLength is { } length ? start + length : null;
            await using var file = new FileStream(partPath, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
            await using var body = await response.Content.ReadAsStreamAsync(cancellation);
            var written = start;
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
                written += read;
                progress(written, total);
            }
            await file.FlushAsync(cancellation);
            if (total is { } expected && written != expected)
                throw new DownloadException(
                    $"{url}: the connection closed after {written:N0} of {expected:N0} bytes; run the command again to resume.");
        }
        catch (HttpRequestException exception)
        {
            throw new DownloadException($"{url}: {exception.Message.TrimEnd('.')}. Run the command again to resume.", exception);
        }
        catch (IOException exception) when (exception is not FileNotFoundException)
        {
            throw new DownloadException($"{url}: the transfer failed ({exception.Message}); run the command again to resume.", exception);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Neuromorph.Host.Tests.DataFetch;

/// <summary>
/// A minimal HTTP/1.1 file server on 127.0.0.1 for download tests: GET of a known path answers 200 with the
/// whole body, or 206 with <c>Content-Range</c> for a <c>Range: bytes=N-</c> request (unless
/// <see cref="IgnoreRange"/>); unknown paths answer 404. <see cref="CutAfter"/> makes the next response close the
/// connection after that many body bytes, as a dropped connection would.
/// </summary>
internal sealed class LocalFileServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    public LocalFileServer(IReadOnlyDictionary<string, byte[]> files)
    {
        Files = files;
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        serving = Task.Run(ServeAsync);
    }

    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public Uri BaseUrl { get; }

    /// <summary>Every request as "path" or "path from=N" (a range request), in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set, the next response ends the connection after this many body bytes.</summary>
    public long? CutAfter { get; set; }

    /// <summary>Answer range requests with the whole body (200), like servers without range support.</summary>
    public bool IgnoreRange { get; set; }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        try { serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stopping.Token); }
            catch (Exception) { return; }
            using (client) await AnswerAsync(client.GetStream());
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        var header = await ReadHeaderAsync(stream);
        var lines = header.Split("\r\n");
        var path = Uri.UnescapeDataString(lines[0].Split(' ')[1].TrimStart('/'));
        var range = lines.Skip(1).FirstOrDefault(line => line.StartsWith("Range:", StringComparison.OrdinalIgnoreCase));
        long from = range is null ? 0 : long.Parse(range.Split('=')[1].TrimEnd('-'));
        Requests.Enqueue(range is null ? path : $"{path} from={from}");
        if (!Files.TryGetValue(path, out var body))
        {
            await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
        var partial = range is not null && !IgnoreRange;
        if (partial && from >= body.Length)
        {
            await WriteAsync(stream, $"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{body.Length}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
        var start = partial ? from : 0;
        var length = body.Length - start;
        var status = partial ? $"206 Partial Content\r\nContent-Range: bytes {start}-{body.Length - 1}/{body.Length}" : "200 OK";
        await WriteAsync(stream, $"HTTP/1.1 {status}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");
        var send = CutAfter is { } cut ? Math.Min(cut, length) : length;
        CutAfter = null;
        await stream.WriteAsync(body.AsMemory((int)start, (int)send));
        await stream.FlushAsync();
    }

    private static async Task<string> ReadHeaderAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n') break;
        }
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}

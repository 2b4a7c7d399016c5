using System.Text.Json;
using Neuromorph.Host.Configuration;

namespace Neuromorph.Host.DataFetch;

/// <summary>
/// A dataset source written by the user as JSON, for mirrors and datasets Neuromorph does not list:
/// <c>{"name": "...", "unpacked": "folder" (optional), "files": [{"file": "a.tar.gz", "url": "https://...",
/// "sha256": "...", "size": 123 (optional), "md5": "..." (optional)}]}</c>. Every file needs a SHA-256.
/// </summary>
internal static class FetchManifest
{
    /// <exception cref="ConfigurationException">The file is missing, not JSON of that shape, or a file lacks a SHA-256.</exception>
    public static DatasetSource Read(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException($"--manifest {path}: no such file.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var name = Required(root, "name", path);
            var files = root.GetProperty("files").EnumerateArray().Select(entry => ReadFile(entry, path)).ToArray();
            if (files.Length == 0) throw new ConfigurationException($"--manifest {path}: 'files' is empty.");
            var unpacked = root.TryGetProperty("unpacked", out var marker) ? marker.GetString() : null;
            return new DatasetSource(name, files, unpacked);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ConfigurationException(
                $"--manifest {path}: {exception.Message} Expected {{\"name\": ..., \"files\": [{{\"file\", \"url\", \"sha256\", \"size\"?}}]}}.");
        }
    }

    private static RemoteFile ReadFile(JsonElement entry, string path)
    {
        var fileName = Required(entry, "file", path);
        if (Path.GetFileName(fileName) != fileName || fileName is "." or "..")
            throw new ConfigurationException($"--manifest {path}: file '{fileName}' must be a plain file name, without folders.");
        var url = new Uri(Required(entry, "url", path), UriKind.Absolute);
        var sha256 = Required(entry, "sha256", path).ToLowerInvariant();
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            throw new ConfigurationException($"--manifest {path}: the sha256 of '{fileName}' must be 64 hexadecimal digits.");
        long? size = entry.TryGetProperty("size", out var sizeValue) ? sizeValue.GetInt64() : null;
        var md5 = entry.TryGetProperty("md5", out var md5Value) ? md5Value.GetString()?.ToLowerInvariant() : null;
        return new RemoteFile(fileName, url, size, sha256, md5);
    }

    private static string Required(JsonElement element, string key, string path) =>
        element.TryGetProperty(key, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ConfigurationException($"--manifest {path}: '{key}' is missing or empty.");
}

namespace Neuromorph.Host.DataFetch;

/// <summary>A download failed in transport (network error, HTTP error status, connection closed early): exit 1.</summary>
internal sealed class DownloadException(string message, Exception? inner = null) : Exception(message, inner);

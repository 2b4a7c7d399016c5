namespace Neuromorph.Host.DataFetch;

/// <summary>
/// One file of a dataset's public release: where it is, what it is called locally, and the checksums its
/// publisher (or the established loaders that mirror it) states. At least one checksum is required; every one
/// given is verified.
/// </summary>
/// <param name="FileName">The local file name (a plain name, no folders).</param>
/// <param name="Url">The canonical download location.</param>
/// <param name="Size">The size in bytes, when published; checked before hashing.</param>
/// <param name="Sha256">The SHA-256 digest in lower-case hex, when known.</param>
/// <param name="Md5">The MD5 digest in lower-case hex, for releases whose publishers state only that.</param>
internal sealed record RemoteFile(string FileName, Uri Url, long? Size = null, string? Sha256 = null, string? Md5 = null);

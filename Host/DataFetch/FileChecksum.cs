using System.Security.Cryptography;
using Neuromorph.Data;

namespace Neuromorph.Host.DataFetch;

/// <summary>Checks a file against the size and digests its release states.</summary>
internal static class FileChecksum
{
    /// <summary>Whether <paramref name="path"/> exists and matches <paramref name="file"/>'s size and every digest given.</summary>
    public static bool Matches(string path, RemoteFile file) => Mismatch(path, file) is null;

    /// <summary>
    /// Throws a <see cref="DataException"/> naming the file, the expected and the actual values, and
    /// <paramref name="remedy"/>, unless the file matches.
    /// </summary>
    public static void Verify(string path, RemoteFile file, string remedy)
    {
        if (Mismatch(path, file) is { } problem)
            throw new DataException($"{path}: {problem}; it is not the published file. {remedy}");
    }

    private static string? Mismatch(string path, RemoteFile file)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return "missing";
        if (file.Size is { } size && info.Length != size) return $"size {info.Length:N0} bytes, expected {size:N0}";
        // One pass over the file feeds every digest the release states.
        using var sha256 = file.Sha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = file.Md5 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using (var stream = File.OpenRead(path))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                sha256?.AppendData(buffer, 0, read);
                md5?.AppendData(buffer, 0, read);
            }
        }
        if (sha256 is not null && Hex(sha256.GetHashAndReset()) is var actual && actual != file.Sha256)
            return $"SHA-256 {actual}, expected {file.Sha256}";
        if (md5 is not null && Hex(md5.GetHashAndReset()) is var actualMd5 && actualMd5 != file.Md5)
            return $"MD5 {actualMd5}, expected {file.Md5}";
        return null;
    }

    private static string Hex(byte[] digest) => Convert.ToHexStringLower(digest);
}

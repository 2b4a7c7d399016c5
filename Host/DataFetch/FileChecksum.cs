using System.Security.Cryptography;
using Neuromorph.Engine.Data;

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
        using var stream = File.OpenRead(path);
        if (file.Sha256 is { } sha256 && Hex(SHA256.HashData(stream)) is var actual && actual != sha256)
            return $"SHA-256 {actual}, expected {sha256}";
        stream.Position = 0;
        if (file.Md5 is { } md5 && Hex(MD5.HashData(stream)) is var actualMd5 && actualMd5 != md5)
            return $"MD5 {actualMd5}, expected {md5}";
        return null;
    }

    private static string Hex(byte[] digest) => Convert.ToHexStringLower(digest);
}

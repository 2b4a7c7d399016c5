using System.Buffers;
using System.Security.Cryptography;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The SHA-256 of a format-2 checkpoint: every byte of the file except the digest itself, in the order the writer
/// produces them: the header (magic, length, JSON), the weights and optimizer parts, then the two part lengths,
/// which are known only once the parts are written. Any flipped bit changes it, wherever it lies.
/// </summary>
internal static class CheckpointDigest
{
    // Large reads keep the hashing pass at the hash's speed rather than the system calls'.
    private const int BufferSize = 1 << 20;

    public static IncrementalHash Create() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Hashes the file as <see cref="CheckpointFile.Write"/> did and throws unless the digest matches the stored one.</summary>
    public static void Verify(Stream stream, ReadOnlySpan<byte> header, CheckpointLayout layout, string path)
    {
        using var hash = Create();
        hash.AppendData(header);
        stream.Position = layout.WeightsStart;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            for (var remaining = layout.End - layout.WeightsStart; remaining > 0;)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(BufferSize, remaining));
                if (read == 0)
                    throw new CheckpointException($"Checkpoint '{path}' was cut short while it was being read: another process is writing it.");
                hash.AppendData(buffer, 0, read);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        hash.AppendData(layout.LengthBytes());
        if (!hash.GetHashAndReset().AsSpan().SequenceEqual(layout.Digest))
            throw new CheckpointException($"Checkpoint '{path}' has a checksum mismatch: the file is corrupt (bit flip or partial copy).");
    }
}

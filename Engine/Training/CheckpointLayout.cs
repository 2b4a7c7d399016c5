using System.Buffers.Binary;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Where the parts of a format-2 checkpoint lie. Right after the JSON header comes a fixed block: the length of
/// the weights part (int64), the length of the optimizer part (int64: its presence flag and state) and the
/// file's SHA-256 (32 bytes); then the two parts. Knowing every part's length from the front lets a cut file
/// be reported by where it was cut, before any byte of it is hashed or loaded.
/// </summary>
internal sealed record CheckpointLayout(long WeightsStart, long WeightsLength, long OptimizerLength, byte[] Digest)
{
    /// <summary>The two lengths and the digest.</summary>
    public const int BlockSize = 2 * sizeof(long) + DigestSize;

    public const int DigestSize = 32;

    public long OptimizerStart => WeightsStart + WeightsLength;

    public long End => OptimizerStart + OptimizerLength;

    /// <summary>The lengths as stored, little-endian: the last input to the digest (they are known only once the parts are written).</summary>
    public byte[] LengthBytes()
    {
        var bytes = new byte[2 * sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, WeightsLength);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(sizeof(long)), OptimizerLength);
        return bytes;
    }

    public byte[] Block() => [.. LengthBytes(), .. Digest];

    /// <summary>Reads the block at <paramref name="blockStart"/> (just after the header) and checks the file's length against it.</summary>
    public static CheckpointLayout Read(Stream stream, long blockStart, string path)
    {
        var block = new byte[BlockSize];
        stream.Position = blockStart;
        stream.ReadAtLeast(block, BlockSize, throwOnEndOfStream: false);
        var weightsStart = blockStart + BlockSize;
        if (stream.Length < weightsStart)
            throw new CheckpointException($"Checkpoint '{path}' is cut short: it ends inside its header at byte {stream.Length:N0}.");
        var weights = BinaryPrimitives.ReadInt64LittleEndian(block);
        var optimizer = BinaryPrimitives.ReadInt64LittleEndian(block.AsSpan(sizeof(long)));
        // Bounded by the file system's largest file so that the sums below cannot overflow.
        if (weights is < 0 or > 1L << 50 || optimizer is < 1 or > 1L << 50)
            throw new CheckpointException($"Checkpoint '{path}' is corrupt: its header gives part lengths {weights:N0} and {optimizer:N0}.");
        var layout = new CheckpointLayout(weightsStart, weights, optimizer, block[(2 * sizeof(long))..]);
        layout.CheckLength(stream.Length, path);
        return layout;
    }

    private void CheckLength(long length, string path)
    {
        if (length > End)
            throw new CheckpointException(
                $"Checkpoint '{path}' is corrupt: it has {length - End:N0} bytes after its end at byte {End:N0} (a damaged or foreign file?).");
        if (length < End)
        {
            var part = length < OptimizerStart ? "the weights" : "the optimizer state";
            throw new CheckpointException(
                $"Checkpoint '{path}' is cut short: it ends inside {part} at byte {length:N0} of {End:N0} (an interrupted copy?).");
        }
    }
}

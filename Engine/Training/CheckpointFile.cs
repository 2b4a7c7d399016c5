using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Neuromorph.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// One checkpoint = one file: the magic tag <c>NMCKPT01</c>, an int32 header length and the JSON header
/// (<see cref="CheckpointHeader"/>); from format 2 a fixed block with the parts' lengths and the file's SHA-256
/// (<see cref="CheckpointLayout"/>, <see cref="CheckpointDigest"/>); then the module's parameters and buffers, a
/// flag and the optimizer state. The magic is unchanged since format 1 so that an older Neuromorph reaches the
/// header and reports the format it cannot read. Written to a temporary file in the same folder, flushed to disk
/// and renamed over the old one, so a checkpoint on disk is always whole.
/// </summary>
internal static class CheckpointFile
{
    public const string Extension = ".ckpt";
    private static readonly byte[] Magic = "NMCKPT01"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private const int MaxHeaderLength = 16 << 20;

    /// <summary>Writes the current format, stamping the header with it and with <paramref name="module"/>'s state shapes.</summary>
    public static void Write(string path, CheckpointHeader header, nn.Module module, OptimizerHelper? optimizer) =>
        AtomicFile.Write(path, file =>
        {
            var headerBytes = HeaderBytes(header with { FormatVersion = CheckpointHeader.CurrentFormat, StateShapes = CheckpointStateShape.Of(module) });
            file.Write(headerBytes);
            var blockStart = file.Position;
            file.Write(new byte[CheckpointLayout.BlockSize]);
            using var hash = CheckpointDigest.Create();
            hash.AppendData(headerBytes);
            var parts = new CheckpointDigestStream(file, hash);
            long weights;
            using (var writer = new BinaryWriter(parts, Encoding.UTF8, leaveOpen: true))
            {
                module.save(writer);
                writer.Flush();
                weights = parts.Written;
                writer.Write(optimizer is not null);
                optimizer?.save_state_dict(writer);
            }
            var layout = new CheckpointLayout(blockStart + CheckpointLayout.BlockSize, weights, parts.Written - weights, []);
            hash.AppendData(layout.LengthBytes());
            file.Position = blockStart;
            file.Write((layout with { Digest = hash.GetHashAndReset() }).Block());
        });

    /// <summary>
    /// Checks the file (format, length and checksum from format 2) and that it belongs to the run
    /// (<paramref name="expected"/> and <paramref name="module"/>'s state shapes) before loading anything, then
    /// loads the weights, and the optimizer state when <paramref name="optimizer"/> is given.
    /// </summary>
    /// <exception cref="CheckpointException">Naming the file and the first thing wrong with it.</exception>
    public static CheckpointHeader Read(string path, CheckpointExpectation expected, nn.Module module, OptimizerHelper? optimizer)
    {
        RequireFile(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var (header, headerBytes) = ReadHeader(stream, path);
            if (header.FormatVersion >= CheckpointHeader.ChecksummedFormat)
            {
                var layout = CheckpointLayout.Read(stream, headerBytes.Length, path);
                CheckpointDigest.Verify(stream, headerBytes, layout, path);
                stream.Position = layout.WeightsStart;
            }
            expected.Check(header, module, path);
            Load(stream, header, module, optimizer, path);
            return header;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Checkpoint '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks the file (format, length and, from format 2, its checksum) without loading anything, and returns its
    /// header: what a checkpoint holds, for repairs and reports.
    /// </summary>
    /// <exception cref="CheckpointException">Naming the file and the first thing wrong with it.</exception>
    public static CheckpointHeader Verify(string path)
    {
        RequireFile(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var (header, headerBytes) = ReadHeader(stream, path);
            if (header.FormatVersion >= CheckpointHeader.ChecksummedFormat)
                CheckpointDigest.Verify(stream, headerBytes, CheckpointLayout.Read(stream, headerBytes.Length, path), path);
            return header;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Checkpoint '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Throws unless <paramref name="path"/> is a file: a directory of that name is an error, not an absence.</summary>
    public static void RequireFile(string path)
    {
        if (Directory.Exists(path)) throw new CheckpointException($"Checkpoint '{path}' is a directory, not a checkpoint file.");
        if (!File.Exists(path)) throw new CheckpointException($"Checkpoint '{path}' does not exist.");
    }

    private static void Load(Stream stream, CheckpointHeader header, nn.Module module, OptimizerHelper? optimizer, string path)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            module.load(reader, strict: true);
            var hasOptimizer = reader.ReadBoolean();
            if (optimizer is null) return;
            if (!hasOptimizer) throw new CheckpointException($"Checkpoint '{path}' holds no optimizer state, which resuming needs.");
            optimizer.load_state_dict(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new CheckpointException($"Checkpoint '{path}' does not match the model '{header.Model}' or is truncated: {e.Message}", e);
        }
    }

    private static byte[] HeaderBytes(CheckpointHeader header)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        var bytes = new byte[Magic.Length + sizeof(int) + json.Length];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), json.Length);
        json.CopyTo(bytes, Magic.Length + sizeof(int));
        return bytes;
    }

    /// <summary>The header and its bytes as stored (magic, length, JSON), which begin the digest.</summary>
    private static (CheckpointHeader Header, byte[] Bytes) ReadHeader(Stream stream, string path)
    {
        var start = new byte[Magic.Length + sizeof(int)];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (read == 0) throw new CheckpointException($"Checkpoint '{path}' is empty.");
        var magic = Math.Min(read, Magic.Length);
        if (!start.AsSpan(0, magic).SequenceEqual(Magic.AsSpan(0, magic)))
            throw new CheckpointException($"'{path}' is not a Neuromorph checkpoint (wrong magic bytes).");
        if (read < start.Length) throw CutInHeader(path, stream.Length);
        var length = BinaryPrimitives.ReadInt32LittleEndian(start.AsSpan(Magic.Length));
        if (length is <= 0 or > MaxHeaderLength)
            throw new CheckpointException($"Checkpoint '{path}' is corrupt: header length {length}.");
        var bytes = new byte[start.Length + length];
        start.CopyTo(bytes, 0);
        if (stream.ReadAtLeast(bytes.AsSpan(start.Length), length, throwOnEndOfStream: false) < length) throw CutInHeader(path, stream.Length);
        CheckpointHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<CheckpointHeader>(bytes.AsSpan(start.Length), Json);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"Checkpoint '{path}' is corrupt: its header does not read ({e.Message}).", e);
        }
        if (header is null) throw new CheckpointException($"Checkpoint '{path}' has an empty header.");
        if (header.FormatVersion is < CheckpointHeader.OldestReadableFormat or > CheckpointHeader.CurrentFormat)
            throw new CheckpointException(
                $"Checkpoint '{path}' has format {header.FormatVersion}; this Neuromorph reads formats {CheckpointHeader.OldestReadableFormat} to {CheckpointHeader.CurrentFormat}.");
        return (header, bytes);
    }

    private static CheckpointException CutInHeader(string path, long length) =>
        new($"Checkpoint '{path}' is cut short: it ends inside its header at byte {length:N0}.");
}

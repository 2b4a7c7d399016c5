using System.Text;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// One checkpoint = one file: a magic tag, a JSON header (<see cref="CheckpointHeader"/>), the module's
/// parameters and buffers, and the optimizer state. Written to a temporary file in the same folder and
/// renamed over the old one, so a checkpoint on disk is always whole.
/// </summary>
internal static class CheckpointFile
{
    public const string Extension = ".ckpt";
    private static readonly byte[] Magic = "NMCKPT01"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Write(string path, CheckpointHeader header, nn.Module module, OptimizerHelper? optimizer)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
                writer.Write(json.Length);
                writer.Write(json);
                module.save(writer);
                writer.Write(optimizer is not null);
                optimizer?.save_state_dict(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static CheckpointHeader ReadHeader(string path)
    {
        using var stream = Open(path);
        using var reader = new BinaryReader(stream);
        return ReadHeader(reader, path);
    }

    /// <summary>Loads weights (and optimizer state when given) into the objects passed in.</summary>
    public static CheckpointHeader Read(string path, nn.Module module, OptimizerHelper? optimizer)
    {
        using var stream = Open(path);
        using var reader = new BinaryReader(stream);
        var header = ReadHeader(reader, path);
        try
        {
            module.load(reader, strict: true);
            var hasOptimizer = reader.ReadBoolean();
            if (optimizer is not null && hasOptimizer) optimizer.load_state_dict(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new CheckpointException($"Checkpoint '{path}' does not match the model '{header.Model}' or is truncated: {e.Message}", e);
        }
        return header;
    }

    private static FileStream Open(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException($"Checkpoint '{path}' does not exist.");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    private static CheckpointHeader ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic))
                throw new CheckpointException($"'{path}' is not a Neuromorph checkpoint (wrong magic bytes).");
            var length = reader.ReadInt32();
            if (length <= 0 || length > 16 << 20)
                throw new CheckpointException($"Checkpoint '{path}' is corrupt: header length {length}.");
            var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadBytes(length), Json)
                ?? throw new CheckpointException($"Checkpoint '{path}' has an empty header.");
            if (header.FormatVersion != CheckpointHeader.CurrentFormat)
                throw new CheckpointException($"Checkpoint '{path}' has format {header.FormatVersion}; this Neuromorph reads format {CheckpointHeader.CurrentFormat}.");
            return header;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException)
        {
            throw new CheckpointException($"Checkpoint '{path}' is truncated or corrupt: {e.Message}", e);
        }
    }
}

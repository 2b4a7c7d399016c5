using System.Text;

namespace Neuromorph.Data.Events;

/// <summary>
/// A cache file of one split's frames. Layout (integers little-endian int32): the 8 ASCII bytes
/// <c>NMFRAMES</c>, the format version (<see cref="FrameCacheKey.FormatVersion"/>), the key's length in bytes
/// and its UTF-8 text (<see cref="FrameCacheKey.Text"/>), then the sample count N, T, the channels (2), H, W and
/// the class count; then N label bytes; then N × T × 2 × H × W frame bytes (<see cref="FrameIntegrator"/>'s
/// layout, sample after sample). A file is valid only when all of that matches the expected key and the file's
/// length is exactly what its header promises, so a truncated or foreign file is never read as frames.
/// </summary>
internal static class FrameCacheFile
{
    private const int MaxKeyBytes = 1 << 16;

    private static ReadOnlySpan<byte> Signature => "NMFRAMES"u8;

    /// <summary>
    /// Writes the cache atomically (a temporary file renamed into place): the header and
    /// <paramref name="labels"/>, then each sample's frames as <paramref name="samples"/> yields them (one array
    /// of T × 2 × H × W bytes per label, in order). An exception from <paramref name="samples"/> leaves no file.
    /// </summary>
    public static void Write(string path, FrameCacheKey key, int classCount, byte[] labels, IEnumerable<byte[]> samples)
    {
        var frames = key.Frames;
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            var keyBytes = Encoding.UTF8.GetBytes(key.Text);
            writer.Write(Signature);
            writer.Write(FrameCacheKey.FormatVersion);
            writer.Write(keyBytes.Length);
            writer.Write(keyBytes);
            foreach (var value in new[] { labels.Length, frames.Timesteps, FrameSettings.Channels, frames.Height, frames.Width, classCount })
                writer.Write(value);
            writer.Write(labels);
            var written = 0;
            foreach (var sample in samples)
            {
                if (sample.Length != frames.SampleSize || written == labels.Length)
                    throw new InvalidOperationException(
                        $"Sample {written} has {sample.Length} frame bytes; the cache of {labels.Length} samples takes {frames.SampleSize} each.");
                writer.Write(sample);
                written++;
            }
            if (written != labels.Length)
                throw new InvalidOperationException($"{written} samples were integrated for {labels.Length} labels.");
            writer.Flush();
        });
    }

    /// <summary>
    /// Reads the labels and frames of the first <paramref name="limit"/> samples (all when 0 or more than the file
    /// holds) when the file is a valid cache for <paramref name="key"/>; otherwise null and what is wrong.
    /// </summary>
    /// <exception cref="DataException">The file cannot be opened, or the samples asked for do not fit in one array.</exception>
    public static FrameCacheContents? TryRead(string path, FrameCacheKey key, int classCount, int limit, out string problem)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            problem = HeaderProblem(reader, key, classCount, out var count);
            if (problem.Length > 0)
                return null;
            var sampleSize = (long)key.Frames.SampleSize;
            var expectedLength = stream.Position + count + count * sampleSize;
            if (stream.Length != expectedLength)
            {
                problem = $"it is {stream.Length} bytes long, but its header promises {expectedLength} ({count} samples); it is "
                    + (stream.Length < expectedLength ? "truncated" : "followed by stray bytes");
                return null;
            }
            var labels = reader.ReadBytes(count);
            var outOfRange = Array.FindIndex(labels, label => label >= classCount);
            if (outOfRange >= 0)
            {
                problem = $"sample {outOfRange} has label {labels[outOfRange]}, not a class below {classCount}";
                return null;
            }
            var take = limit > 0 ? Math.Min(limit, count) : count;
            if (take * sampleSize > Array.MaxLength)
                throw new DataException(
                    $"The {take} samples of '{path}' hold {take * sampleSize:N0} bytes of frames, more than one array can hold "
                    + $"({Array.MaxLength:N0}); lower model.timesteps or data.events.size, or keep at most "
                    + $"{Array.MaxLength / sampleSize} samples with data.train_limit or data.test_limit.");
            var frames = new byte[take * sampleSize];
            stream.ReadExactly(frames);
            return new FrameCacheContents(labels[..take], frames, count);
        }
        catch (EndOfStreamException)
        {
            problem = "it ends inside its header (truncated)";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"The frame cache '{path}' could not be read: {e.Message}", e);
        }
    }

    /// <summary>What is wrong with the header for <paramref name="key"/>, or an empty string, and the sample count.</summary>
    private static string HeaderProblem(BinaryReader reader, FrameCacheKey key, int classCount, out int count)
    {
        count = 0;
        if (!reader.ReadBytes(Signature.Length).AsSpan().SequenceEqual(Signature))
            return "it does not start with the frame cache signature NMFRAMES";
        var version = reader.ReadInt32();
        if (version != FrameCacheKey.FormatVersion)
            return $"it has cache format version {version}, and this program reads version {FrameCacheKey.FormatVersion}";
        var keyLength = reader.ReadInt32();
        if (keyLength is < 0 or > MaxKeyBytes)
            return $"its header declares a key of {keyLength} bytes; the header is corrupt";
        var keyText = Encoding.UTF8.GetString(reader.ReadBytes(keyLength));
        if (keyText != key.Text)
            return "it holds frames made with other settings (its key differs)";
        count = reader.ReadInt32();
        var frames = key.Frames;
        int[] expected = [frames.Timesteps, FrameSettings.Channels, frames.Height, frames.Width, classCount];
        var found = expected.Select(_ => reader.ReadInt32()).ToArray();
        if (count < 0 || !found.SequenceEqual(expected))
            return $"its header declares {count} samples of [{string.Join(", ", found[..4])}] frames and {found[4]} classes, "
                + $"not [{string.Join(", ", expected[..4])}] and {classCount}";
        return "";
    }
}

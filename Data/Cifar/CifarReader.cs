namespace Neuromorph.Data.Cifar;

/// <summary>
/// Reads CIFAR binary files (see <see cref="CifarFormat"/>) into an <see cref="ImageDataset"/>. Every defect is a
/// <see cref="DataException"/> naming the file: a size that is not a whole number of records (a truncated file, or
/// one of another release), a label that is not a class index, a file that cannot be opened or shrinks while read.
/// </summary>
internal static class CifarReader
{
    /// <summary>Records read from disk at a time.</summary>
    private const int ChunkRecords = 1024;

    /// <summary>Both splits from the folder <paramref name="directory"/> holding every file of <paramref name="format"/>.</summary>
    public static DatasetSplits ReadSplits(string directory, CifarFormat format)
    {
        var title = format.Descriptor.Title;
        return new DatasetSplits(
            Read(format.TrainFiles.Select(file => Path.Combine(directory, file)).ToArray(), format, $"{title} training split from {directory}"),
            Read(format.TestFiles.Select(file => Path.Combine(directory, file)).ToArray(), format, $"{title} test split from {directory}"));
    }

    /// <summary>The records of <paramref name="paths"/>, in order, as one dataset.</summary>
    public static ImageDataset Read(IReadOnlyList<string> paths, CifarFormat format, string description)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(format);
        var counts = paths.Select(path => RecordCount(path, format)).ToArray();
        var total = counts.Sum(count => (long)count);
        if (total * CifarFormat.PixelBytes > Array.MaxLength)
            throw new DataException(
                $"{description}: {total} images of {CifarFormat.PixelBytes} bytes do not fit in one array; use fewer files.");
        var pixels = new byte[total * CifarFormat.PixelBytes];
        var labels = new byte[total];
        var offset = 0;
        for (var i = 0; i < paths.Count; i++)
        {
            ReadRecords(paths[i], format, counts[i], pixels.AsSpan(offset * CifarFormat.PixelBytes), labels.AsSpan(offset));
            offset += counts[i];
        }
        return new ImageDataset(
            pixels, labels, CifarFormat.Channels, CifarFormat.Side, CifarFormat.Side, description,
            format.Descriptor.Normalization, format.ClassCount);
    }

    private static int RecordCount(string path, CifarFormat format)
    {
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"'{path}' could not be read: {e.Message}", e);
        }
        if (length == 0 || length % format.RecordSize != 0)
            throw new DataException(
                $"'{path}' is {length} bytes, not a whole number of {format.RecordSize}-byte {format.Descriptor.Title} records "
                + $"({format.LabelBytes} label byte{(format.LabelBytes == 1 ? "" : "s")} + {CifarFormat.PixelBytes} pixel bytes): "
                + $"the file is truncated or is not a {format.Descriptor.Title} binary file. "
                + $"Download the binary version again from {format.Descriptor.Source}.");
        return checked((int)(length / format.RecordSize));
    }

    private static void ReadRecords(string path, CifarFormat format, int count, Span<byte> pixels, Span<byte> labels)
    {
        using var stream = Open(path);
        var chunk = new byte[ChunkRecords * format.RecordSize];
        for (var done = 0; done < count;)
        {
            var records = Math.Min(ChunkRecords, count - done);
            var wanted = records * format.RecordSize;
            var read = stream.ReadAtLeast(chunk.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            if (read < wanted)
                throw new DataException(
                    $"'{path}' ended after {((long)done * format.RecordSize) + read} bytes while {(long)count * format.RecordSize} were expected; "
                    + "it changed while being read or is truncated.");
            for (var r = 0; r < records; r++)
            {
                var record = chunk.AsSpan(r * format.RecordSize, format.RecordSize);
                var label = record[format.LabelOffset];
                if (label >= format.ClassCount)
                    throw new DataException(
                        $"'{path}' holds label {label} in record {done + r}; {format.Descriptor.Title} labels are class indices "
                        + $"0 to {format.ClassCount - 1}. The file is corrupt or belongs to another CIFAR release.");
                labels[done + r] = label;
                record[format.LabelBytes..].CopyTo(pixels.Slice((done + r) * CifarFormat.PixelBytes, CifarFormat.PixelBytes));
            }
            done += records;
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"'{path}' could not be opened: {e.Message}", e);
        }
    }
}

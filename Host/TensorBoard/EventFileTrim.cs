using Tensorboard;

namespace Neuromorph.Host.TensorBoard;

/// <summary>
/// Cuts a run's TensorBoard event files back to the step its checkpoint holds, before a resumed run appends to them:
/// the killed process may have written steps after its last checkpoint, which the resumed run writes again. Each file
/// keeps its records up to that step, byte for byte, and is replaced whole (a temporary file renamed over it); a file
/// left with no values is deleted. Only files that hold something to drop are touched.
/// </summary>
/// <remarks>
/// Why not TensorBoard's own purge (an event with <c>SessionLog.START</c>, after which earlier-written events at later
/// steps are hidden): TorchSharp's writer cannot write one, and TensorBoard's current loader (the Rust data server)
/// ignores it. Cutting the files makes them right for any reader. The temporary file's name lacks "tfevents", so a
/// TensorBoard watching the folder never reads it.
/// </remarks>
internal static class EventFileTrim
{
    /// <summary>
    /// Keeps the events up to <paramref name="lastStep"/> in every event file of <paramref name="folder"/> (none of a
    /// run that starts from the beginning) and returns the (tag, step) of every value kept. A file cut short keeps its
    /// whole records; one damaged in its middle keeps what precedes the damage (all TensorBoard reads of it), and one
    /// holding a record that is not an event is left as it is, both said through <paramref name="log"/>.
    /// </summary>
    public static HashSet<(string Tag, long Step)> KeepUpTo(string folder, long lastStep, Action<string> log)
    {
        var kept = new HashSet<(string, long)>();
        if (!Directory.Exists(folder)) return kept;
        var dropped = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*tfevents*").Order(StringComparer.Ordinal))
        {
            var read = EventFileRecords.Read(File.ReadAllBytes(path));
            if (read.Ending == EventFileEnding.Undecodable)
            {
                // Its records check out but do not decode (another writer's format): kept whole rather than lost.
                log($"tensorboard: '{path}' was left as it is: {read.Problem}.");
                continue;
            }
            if (read.Ending == EventFileEnding.Damaged)
                log($"tensorboard: '{path}' is damaged ({read.Problem}); kept the {read.Records.Count} records before it.");
            var keep = read.Records.Where(record => record.Event.WhatCase != Event.WhatOneofCase.Summary || record.Event.Step <= lastStep).ToList();
            dropped += read.Records.Count - keep.Count;
            foreach (var (e, _) in keep.Where(record => record.Event.WhatCase == Event.WhatOneofCase.Summary))
                foreach (var value in e.Summary.Value) kept.Add((value.Tag, e.Step));
            if (keep.Count == read.Records.Count && read.Ending == EventFileEnding.Complete) continue;
            if (keep.All(record => record.Event.WhatCase != Event.WhatOneofCase.Summary))
                File.Delete(path);
            else
                Replace(path, keep.Select(record => record.Bytes));
        }
        if (dropped > 0)
            log($"tensorboard: dropped {dropped} events written after iteration {lastStep}, where the run continues; it writes them again.");
        return kept;
    }

    private static void Replace(string path, IEnumerable<ReadOnlyMemory<byte>> records)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".trim.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                foreach (var record in records) stream.Write(record.Span);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

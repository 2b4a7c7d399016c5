using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Neuromorph.Data.Events;

/// <summary>
/// Loads both splits of an event dataset as frames. Each split is integrated once and kept in a cache file
/// (<see cref="FrameCacheFile"/>, named by its <see cref="FrameCacheKey"/>); later loads with the same settings
/// read the cache and never open the recordings. A cache that is truncated or otherwise invalid is rebuilt from
/// the recordings; when they are gone too, the error names the cache file and what is wrong with it.
/// </summary>
internal static class EventDatasetLoader
{
    /// <summary>Recordings read and integrated at once, in parallel; their frames are then written in order.</summary>
    private const int ChunkSize = 64;

    /// <summary>Both splits, from their caches or from the recordings.</summary>
    /// <param name="request">The dataset, its folder and the frame settings.</param>
    /// <param name="progress">Told when a split is integrated from the recordings (it takes a while).</param>
    /// <exception cref="DataException">The recordings are missing or corrupt and no valid cache exists.</exception>
    public static DatasetSplits Load(EventDatasetRequest request, Action<string>? progress = null) => new(
        LoadSplit(request, EventDatasetSplit.Train, request.TrainLimit, progress),
        LoadSplit(request, EventDatasetSplit.Test, request.TestLimit, progress));

    /// <summary>The cache file of one split under <paramref name="request"/>'s settings.</summary>
    public static string CachePath(EventDatasetRequest request, EventDatasetSplit split) =>
        Path.Combine(request.CacheDirectory, Key(request, split).FileName);

    private static FrameCacheKey Key(EventDatasetRequest request, EventDatasetSplit split) => new(
        request.Dataset.Name, request.Source, split, request.Frames,
        request.Dataset.Layout.UsesSplitSeed ? request.SplitSeed : null);

    private static FrameDataset LoadSplit(EventDatasetRequest request, EventDatasetSplit split, int limit, Action<string>? progress)
    {
        var dataset = request.Dataset;
        var key = Key(request, split);
        var path = CachePath(request, split);
        var problem = "";
        if (File.Exists(path) && FrameCacheFile.TryRead(path, key, dataset.ClassCount, limit, out problem) is { } cached)
            return Create(request, split, cached, path);
        try
        {
            var recordings = List(request, split);
            var labels = recordings.SelectMany(recording => recording.Labels).ToArray();
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"integrating {labels.Length} {dataset.Title} {SplitName(split)} samples into frames (T = {request.Frames.Timesteps}): {path}")
                + (problem.Length > 0 ? $" (replacing an invalid cache: {problem})" : ""));
            FrameCacheFile.Write(path, key, dataset.ClassCount, labels, Integrate(recordings, request.Frames));
        }
        catch (DataException e) when (problem.Length > 0)
        {
            throw new DataException($"The frame cache '{path}' is invalid ({problem}), and rebuilding it failed: {e.Message}", e);
        }
        return FrameCacheFile.TryRead(path, key, dataset.ClassCount, limit, out problem) is { } written
            ? Create(request, split, written, path)
            : throw new DataException($"The frame cache '{path}' was just written but cannot be read back: {problem}.");
    }

    private static IReadOnlyList<EventRecording> List(EventDatasetRequest request, EventDatasetSplit split)
    {
        var dataset = request.Dataset;
        if (!Directory.Exists(request.Source))
            throw new DataException(
                $"Dataset '{dataset.Name}' ({dataset.Title}) was not found: '{request.Source}' is not a folder, and no frame cache "
                + $"for these settings exists in '{request.CacheDirectory}'. Point data.path at a folder holding {dataset.Layout.Contents}; "
                + $"get it from {dataset.Source}.");
        return dataset.Layout.List(request.Source, split, request.SplitSeed);
    }

    /// <summary>The frames of every sample of <paramref name="recordings"/>, in order.</summary>
    private static IEnumerable<byte[]> Integrate(IReadOnlyList<EventRecording> recordings, FrameSettings frames)
    {
        for (var start = 0; start < recordings.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, recordings.Count - start);
            var results = new byte[count][][];
            var failures = new Exception?[count];
            Parallel.For(0, count, i =>
            {
                try
                {
                    results[i] = IntegrateRecording(recordings[start + i], frames);
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }
            });
            // The first failing recording in order, so that the error does not depend on thread timing.
            if (failures.FirstOrDefault(failure => failure is not null) is { } failure)
                ExceptionDispatchInfo.Throw(failure);
            foreach (var samples in results)
            {
                foreach (var sample in samples)
                    yield return sample;
            }
        }
    }

    private static byte[][] IntegrateRecording(EventRecording recording, FrameSettings frames)
    {
        var streams = recording.Read();
        if (streams.Count != recording.Labels.Length)
            throw new InvalidOperationException(
                $"'{recording.File}' gave {streams.Count} event streams for {recording.Labels.Length} labels.");
        return streams.Select(events =>
        {
            var sample = new byte[frames.SampleSize];
            FrameIntegrator.Integrate(events, frames, sample);
            return sample;
        }).ToArray();
    }

    private static FrameDataset Create(EventDatasetRequest request, EventDatasetSplit split, FrameCacheContents contents, string path)
    {
        var frames = request.Frames;
        var kept = contents.Labels.Length < contents.StoredCount ? $", first {contents.Labels.Length} of {contents.StoredCount} samples" : "";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{request.Dataset.Title} {SplitName(split)} split from {request.Source}{kept}, {frames.Timesteps} frames of "
            + $"2x{frames.Height}x{frames.Width} (split by {frames.Split.ToString().ToLowerInvariant()}), cached in {path}");
        return new FrameDataset(contents.Frames, contents.Labels, frames, request.Dataset.ClassCount, description);
    }

    private static string SplitName(EventDatasetSplit split) => split == EventDatasetSplit.Train ? "training" : "test";
}
